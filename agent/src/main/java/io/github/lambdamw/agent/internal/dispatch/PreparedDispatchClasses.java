package io.github.lambdamw.agent.internal.dispatch;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

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
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      StringBuilder hex = new StringBuilder(64);
      for (byte b : digest) {
        hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
