package io.github.lambdamw.agent.internal.dispatch;

import io.github.lambdamw.agent.internal.Sha256;
import java.io.IOException;
import java.io.InputStream;

/**
 * The dispatch classes transformed at build time, one resource per original class file, named by the SHA-256 of the
 * original bytes: {@code prepared/<sha256>.bin} beside this class. A hash match means the bytes are exactly those the
 * build transformed, so the prepared bytes are exactly what Byte Buddy would produce now.
 */
public final class PreparedDispatchClasses {
  public static final String RESOURCE_FOLDER = "prepared/";

  private PreparedDispatchClasses() {}

  /** The prepared bytes for {@code classFile}, or {@code null} when this build of the class is unknown. */
  static byte[] lookup(byte[] classFile) throws IOException {
    try (InputStream in =
        PreparedDispatchClasses.class.getResourceAsStream(RESOURCE_FOLDER + sha256(classFile) + ".bin")) {
      return in == null ? null : in.readAllBytes();
    }
  }

  public static String sha256(byte[] bytes) {
    return Sha256.hex(Sha256.digest(bytes));
  }
}
