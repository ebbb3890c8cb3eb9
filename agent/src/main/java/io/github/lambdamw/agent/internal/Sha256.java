package io.github.lambdamw.agent.internal;

/**
 * SHA-256 (FIPS 180-4) and HMAC-SHA256 (RFC 2104), for the two hashes every guarded cold start makes: the runtime
 * client's dispatch class is matched by its SHA-256, and the SSM read is signed with SigV4.
 *
 * <p>Why not {@code MessageDigest} and {@code Mac}: their first use in a JVM loads the provider framework, every
 * provider before SunJCE, the JCE's crypto-policy files and the VarHandle machinery behind the JDK's digest (about 150
 * classes, measured with {@code -Xlog:class+load}), all on the INIT path of every guarded function. This class is the
 * algorithm alone; {@code Sha256Test} checks it against the JDK's implementations and the published test vectors.
 */
public final class Sha256 {
  private static final int[] K = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
  };

  private static final int BLOCK_BYTES = 64;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Sha256() {}

  /** The SHA-256 digest of {@code message}. */
  public static byte[] digest(byte[] message) {
    return digest(new byte[0], message);
  }

  /** HMAC-SHA256 of {@code message} under {@code key}. */
  public static byte[] hmac(byte[] key, byte[] message) {
    byte[] shortKey = key.length > BLOCK_BYTES ? digest(key) : key;
    byte[] block = new byte[BLOCK_BYTES];
    System.arraycopy(shortKey, 0, block, 0, shortKey.length);
    byte[] inner = new byte[BLOCK_BYTES];
    byte[] outer = new byte[BLOCK_BYTES];
    for (int i = 0; i < BLOCK_BYTES; i++) {
      inner[i] = (byte) (block[i] ^ 0x36);
      outer[i] = (byte) (block[i] ^ 0x5c);
    }
    return digest(outer, digest(inner, message));
  }

  /** Lower-case hexadecimal, as SigV4 and the prepared-class names want it. */
  public static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[bytes[i] & 0xf];
    }
    return new String(out);
  }

  /** The digest of {@code prefix} followed by {@code message}, without copying them together. */
  private static byte[] digest(byte[] prefix, byte[] message) {
    int[] state = {
      0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
    };
    long length = (long) prefix.length + message.length;
    // Padding: 0x80, zeros, then the length in bits as a big-endian long, to a multiple of 64 bytes.
    int tailLength = (int) (length % BLOCK_BYTES);
    int paddedTail = tailLength < 56 ? BLOCK_BYTES : 2 * BLOCK_BYTES;
    long fullBlocks = length / BLOCK_BYTES;
    int[] words = new int[64];
    byte[] block = new byte[BLOCK_BYTES];
    for (long b = 0; b < fullBlocks; b++) {
      copy(prefix, message, b * BLOCK_BYTES, block, BLOCK_BYTES);
      compress(state, block, 0, words);
    }
    byte[] tail = new byte[paddedTail];
    copy(prefix, message, fullBlocks * BLOCK_BYTES, tail, tailLength);
    tail[tailLength] = (byte) 0x80;
    long bits = length * 8;
    for (int i = 0; i < 8; i++) {
      tail[paddedTail - 1 - i] = (byte) (bits >>> (8 * i));
    }
    for (int offset = 0; offset < paddedTail; offset += BLOCK_BYTES) {
      compress(state, tail, offset, words);
    }
    byte[] out = new byte[32];
    for (int i = 0; i < 8; i++) {
      out[4 * i] = (byte) (state[i] >>> 24);
      out[4 * i + 1] = (byte) (state[i] >>> 16);
      out[4 * i + 2] = (byte) (state[i] >>> 8);
      out[4 * i + 3] = (byte) state[i];
    }
    return out;
  }

  /** Copies {@code count} bytes from position {@code from} of the concatenation prefix + message into {@code to}. */
  private static void copy(byte[] prefix, byte[] message, long from, byte[] to, int count) {
    int start = (int) from;
    int fromPrefix = Math.max(0, Math.min(count, prefix.length - start));
    if (fromPrefix > 0) {
      System.arraycopy(prefix, start, to, 0, fromPrefix);
    }
    if (count > fromPrefix) {
      System.arraycopy(message, start + fromPrefix - prefix.length, to, fromPrefix, count - fromPrefix);
    }
  }

  private static void compress(int[] state, byte[] block, int offset, int[] w) {
    for (int t = 0; t < 16; t++) {
      int i = offset + 4 * t;
      w[t] = (block[i] << 24) | ((block[i + 1] & 0xff) << 16) | ((block[i + 2] & 0xff) << 8) | (block[i + 3] & 0xff);
    }
    for (int t = 16; t < 64; t++) {
      int s0 = Integer.rotateRight(w[t - 15], 7) ^ Integer.rotateRight(w[t - 15], 18) ^ (w[t - 15] >>> 3);
      int s1 = Integer.rotateRight(w[t - 2], 17) ^ Integer.rotateRight(w[t - 2], 19) ^ (w[t - 2] >>> 10);
      w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    int a = state[0];
    int b = state[1];
    int c = state[2];
    int d = state[3];
    int e = state[4];
    int f = state[5];
    int g = state[6];
    int h = state[7];
    for (int t = 0; t < 64; t++) {
      int sum1 = Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25);
      int choose = (e & f) ^ (~e & g);
      int t1 = h + sum1 + choose + K[t] + w[t];
      int sum0 = Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22);
      int majority = (a & b) ^ (a & c) ^ (b & c);
      int t2 = sum0 + majority;
      h = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + t2;
    }
    state[0] += a;
    state[1] += b;
    state[2] += c;
    state[3] += d;
    state[4] += e;
    state[5] += f;
    state[6] += g;
    state[7] += h;
  }
}
