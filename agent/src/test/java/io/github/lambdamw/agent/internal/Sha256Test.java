package io.github.lambdamw.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class Sha256Test {

  @Test
  void publishedVectors() {
    assertThat(Sha256.hex(Sha256.digest(new byte[0])))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(Sha256.hex(Sha256.digest(ascii("abc"))))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(Sha256.hex(Sha256.digest(ascii("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))))
        .isEqualTo("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    // RFC 4231, test case 2: a key shorter than the block.
    assertThat(Sha256.hex(Sha256.hmac(ascii("Jefe"), ascii("what do ya want for nothing?"))))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void everyLengthAroundTheBlockBoundaries_matchesTheJdk() throws Exception {
    Random random = new Random(7);
    MessageDigest jdk = MessageDigest.getInstance("SHA-256");
    for (int length = 0; length <= 300; length++) {
      byte[] message = new byte[length];
      random.nextBytes(message);
      assertThat(Sha256.digest(message)).as("length %d", length).isEqualTo(jdk.digest(message));
    }
    byte[] large = new byte[1_000_003];
    random.nextBytes(large);
    assertThat(Sha256.digest(large)).isEqualTo(jdk.digest(large));
  }

  @Test
  void hmac_matchesTheJdk_forShortBlockSizedAndLongKeys() throws Exception {
    Random random = new Random(11);
    Mac jdk = Mac.getInstance("HmacSHA256");
    for (int keyLength : new int[] {1, 32, 63, 64, 65, 131}) {
      for (int length : new int[] {0, 1, 55, 56, 64, 200}) {
        byte[] key = new byte[keyLength];
        byte[] message = new byte[length];
        random.nextBytes(key);
        random.nextBytes(message);
        jdk.init(new SecretKeySpec(key, "HmacSHA256"));
        assertThat(Sha256.hmac(key, message)).as("key %d, message %d", keyLength, length).isEqualTo(jdk.doFinal(message));
      }
    }
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
