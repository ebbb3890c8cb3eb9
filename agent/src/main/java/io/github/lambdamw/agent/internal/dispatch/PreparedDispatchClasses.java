package io.github.lambdamw.agent.internal.dispatch;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The dispatch classes transformed at build time, beside the original class files they were made
 * from: {@code prepared/<key>-<n>.original} and {@code prepared/<key>-<n>.bin}, where the key is
 * the CRC32C and the length of the original bytes and {@code n} counts originals that share a key.
 * The checksum only finds the candidates; a class is matched when its bytes equal a stored original
 * byte for byte, so the prepared bytes are exactly what Byte Buddy would produce now.
 *
 * <p>Why not a cryptographic hash: the match runs in the class-file load hook of every guarded cold
 * start, on the thread that loads the dispatch class (premain's set-up thread, or the runtime
 * client's main thread if it gets there first), and the JCA's first use loads its provider
 * framework (about 150 classes). CRC32C is in {@code java.base} and a few microseconds; the
 * comparison makes the match exact.
 */
public final class PreparedDispatchClasses {
  public static final String RESOURCE_FOLDER =
      "io/github/lambdamw/agent/internal/dispatch/prepared/";

  private PreparedDispatchClasses() {}

  /**
   * A stored original equal to the class: its entry ({@code <key>-<n>}, as {@code INDEX.txt} names
   * it) and the prepared bytes.
   */
  record Match(String entry, byte[] prepared) {}

  /** The match for {@code classFile}, or {@code null} when this build of the class is unknown. */
  static Match match(byte[] classFile, ClassLoader loader) throws IOException {
    String key = key(classFile);
    for (int n = 0; ; n++) {
      String entry = key + "-" + n;
      byte[] original = read(loader, RESOURCE_FOLDER + entry + ".original");
      if (original == null) {
        return null;
      }
      if (Arrays.equals(original, classFile)) {
        return new Match(entry, read(loader, RESOURCE_FOLDER + entry + ".bin"));
      }
    }
  }

  /**
   * The CRC32C of {@code classFile} and its length, e.g. {@code 1a2b3c4d-5120}: the candidates'
   * file names.
   */
  public static String key(byte[] classFile) {
    CRC32C crc = new CRC32C();
    crc.update(classFile, 0, classFile.length);
    return Long.toHexString(crc.getValue()) + "-" + classFile.length;
  }

  static byte[] read(ClassLoader loader, String name) throws IOException {
    try (InputStream in = loader.getResourceAsStream(name)) {
      return in == null ? null : in.readAllBytes();
    }
  }
}
