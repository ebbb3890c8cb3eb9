package io.github.lambdamw.agent.internal.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dispatch class is matched to its prepared bytes only when it is byte for byte an original the
 * build stored: the checksum in the resource names only finds the candidates.
 */
class PreparedDispatchClassesTest {
  private static final String FOLDER = PreparedDispatchClasses.RESOURCE_FOLDER;

  @TempDir Path temp;

  private static byte[] agentResource(String name) throws IOException {
    try (InputStream in =
        PreparedDispatchClasses.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }

  /** A first original the build prepared, and its prepared bytes: {original, prepared}. */
  private static byte[][] aPreparedClass() throws IOException {
    String index = new String(agentResource("INDEX.txt"), StandardCharsets.UTF_8);
    String name = index.lines().findFirst().orElseThrow().split(" ")[0];
    return new byte[][] {agentResource(name + ".original"), agentResource(name + ".bin")};
  }

  /**
   * A class loader holding exactly one candidate: {@code original} and {@code prepared} under
   * {@code key}-0.
   */
  private ClassLoader candidate(String key, byte[] original, byte[] prepared) throws IOException {
    Path folder = Files.createDirectories(temp.resolve(FOLDER));
    Files.write(folder.resolve(key + "-0.original"), original);
    Files.write(folder.resolve(key + "-0.bin"), prepared);
    return new URLClassLoader(new URL[] {temp.toUri().toURL()}, null);
  }

  @Test
  void everyOriginalTheBuildStored_findsItsPreparedBytes() throws IOException {
    String index = new String(agentResource("INDEX.txt"), StandardCharsets.UTF_8);
    assertThat(index.lines()).isNotEmpty();
    for (String line : index.lines().toList()) {
      String name = line.split(" ")[0];
      byte[] original = agentResource(name + ".original");

      assertThat(name).startsWith(PreparedDispatchClasses.key(original) + "-");
      PreparedDispatchClasses.Match match =
          PreparedDispatchClasses.match(original, PreparedDispatchClasses.class.getClassLoader());
      assertThat(match).as(line).isNotNull();
      assertThat(match.entry()).isEqualTo(name);
      assertThat(Arrays.equals(match.prepared(), agentResource(name + ".bin"))).as(line).isTrue();
    }
  }

  @Test
  void aOneByteChange_isNotMatched_evenByACandidateFiledUnderItsChecksum() throws IOException {
    byte[][] prepared = aPreparedClass();
    byte[] changed = prepared[0].clone();
    changed[changed.length / 2] ^= 1;
    // As if the original's checksum and length were those of the changed bytes.
    ClassLoader loader = candidate(PreparedDispatchClasses.key(changed), prepared[0], prepared[1]);

    assertThat(prepared(changed, loader)).isNull();
    assertThat(prepared(prepared[0], loader)).isNull(); // filed under another key
  }

  @Test
  void aClassWhoseCrc32cAndLengthReallyCollide_isNotMatched() throws IOException {
    byte[][] prepared = aPreparedClass();
    byte[] original = prepared[0];
    byte[] forged = original.clone();
    forged[forged.length / 2] ^= 1; // the change
    restoreCrc32c(
        original, forged, forged.length / 4); // four bytes elsewhere bring the checksum back
    assertThat(PreparedDispatchClasses.key(forged))
        .isEqualTo(PreparedDispatchClasses.key(original));
    assertThat(forged).isNotEqualTo(original);
    ClassLoader loader = candidate(PreparedDispatchClasses.key(original), original, prepared[1]);

    assertThat(prepared(forged, loader)).isNull();
    assertThat(prepared(original, loader)).isEqualTo(prepared[1]);
  }

  @Test
  void candidatesSharingAKey_areTriedInTurn() throws IOException {
    byte[][] prepared = aPreparedClass();
    byte[] original = prepared[0];
    byte[] forged = original.clone();
    forged[forged.length / 2] ^= 1;
    restoreCrc32c(original, forged, forged.length / 4);
    String key = PreparedDispatchClasses.key(original);
    ClassLoader loader = candidate(key, forged, new byte[] {1});
    Path folder = temp.resolve(FOLDER);
    Files.write(folder.resolve(key + "-1.original"), original);
    Files.write(folder.resolve(key + "-1.bin"), prepared[1]);

    assertThat(prepared(original, loader)).isEqualTo(prepared[1]);
    assertThat(prepared(forged, loader)).containsExactly(1);
  }

  /**
   * Rewrites the four bytes of {@code forged} at {@code at} so that its CRC32C equals {@code
   * original}'s. A CRC is linear over GF(2): the 32 bits of four consecutive bytes move the
   * checksum by 32 independent vectors, so any difference can be cancelled by solving a 32 x 32
   * system.
   */
  private static void restoreCrc32c(byte[] original, byte[] forged, int at) {
    int target = crc(original) ^ crc(forged);
    int[] columns = new int[32];
    byte[] zeros = new byte[original.length];
    int zeroCrc = crc(zeros);
    for (int bit = 0; bit < 32; bit++) {
      byte[] single = new byte[original.length];
      single[at + bit / 8] = (byte) (1 << (bit % 8));
      columns[bit] = crc(single) ^ zeroCrc;
    }
    // Gaussian elimination: rows are checksum bits, unknowns are the 32 patch bits.
    long[] rows = new long[32];
    for (int row = 0; row < 32; row++) {
      long value = 0;
      for (int bit = 0; bit < 32; bit++) {
        value |= (long) ((columns[bit] >>> row) & 1) << bit;
      }
      rows[row] = value | ((long) ((target >>> row) & 1) << 32);
    }
    for (int bit = 0, pivotRow = 0; bit < 32; bit++, pivotRow++) {
      int pivot = pivotRow;
      while ((rows[pivot] >>> bit & 1) == 0) {
        pivot++; // the 32 columns of four consecutive bytes are independent for a CRC of degree 32
      }
      long swap = rows[pivot];
      rows[pivot] = rows[pivotRow];
      rows[pivotRow] = swap;
      for (int row = 0; row < 32; row++) {
        if (row != pivotRow && (rows[row] >>> bit & 1) == 1) {
          rows[row] ^= rows[pivotRow];
        }
      }
    }
    for (int bit = 0; bit < 32; bit++) {
      if ((rows[bit] >>> 32 & 1) == 1) {
        forged[at + bit / 8] ^= (byte) (1 << (bit % 8));
      }
    }
  }

  private static int crc(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, bytes.length);
    return (int) crc.getValue();
  }

  /** The prepared bytes {@code loader} holds for {@code classFile}, or {@code null}. */
  private static byte[] prepared(byte[] classFile, ClassLoader loader) throws IOException {
    PreparedDispatchClasses.Match match = PreparedDispatchClasses.match(classFile, loader);
    return match == null ? null : match.prepared();
  }
}
