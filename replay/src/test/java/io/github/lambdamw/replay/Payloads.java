package io.github.lambdamw.replay;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/**
 * JSON events of chosen sizes: compressible (the agent stores them gzip) or not (stored as they
 * are).
 */
final class Payloads {
  private Payloads() {}

  /**
   * A JSON object of exactly {@code size} bytes (size >= 32), seeded so that runs are repeatable.
   */
  static byte[] json(int index, int size, boolean compressible) {
    String head = "{\"n\":" + index + ",\"fill\":\"";
    String tail = "\"}";
    int fill = size - head.length() - tail.length();
    if (fill < 0) {
      throw new IllegalArgumentException("too small: " + size);
    }
    StringBuilder text = new StringBuilder(size).append(head);
    if (compressible) {
      for (int i = 0; i < fill; i++) {
        text.append((char) ('a' + (i % 7)));
      }
    } else {
      byte[] random = new byte[fill];
      new Random(index).nextBytes(random);
      text.append(Base64.getEncoder().encodeToString(random), 0, fill);
    }
    return text.append(tail).toString().getBytes(StandardCharsets.US_ASCII);
  }
}
