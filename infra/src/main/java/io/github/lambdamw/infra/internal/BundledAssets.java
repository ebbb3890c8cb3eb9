package io.github.lambdamw.infra.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The layer zip and the replay function's jar this library carries as class-path resources (the
 * build copies them in from the wrapper and replay modules), so that the constructs work from a
 * dependency with no path to give.
 *
 * <p>CDK stages an asset from a file on disk, so a resource is written out to {@code
 * <java.io.tmpdir>/lambda-mw-cdk-<user>/<sha-256 of its bytes>/<name>} and that file is returned.
 * The folder is named after the content, so every synth of the same library version reuses the same
 * file, and the file is left in place: with asset staging disabled (SAM's local tooling) the
 * template points at it. A file found there is reused only when its bytes hash to the same SHA-256
 * (a shared temporary folder is no place to trust a name).
 */
public final class BundledAssets {

  /** The layer zip (wrapper module, classifier {@code layer}). */
  public static final String LAYER_ZIP = "lambda-mw-wrapper-layer.zip";

  /** The replay function's deployment package (replay module, classifier {@code function}). */
  public static final String REPLAY_FUNCTION_JAR = "lambda-mw-replay-function.jar";

  private static final String FOLDER = "lambda-mw-cdk";

  private BundledAssets() {}

  /** The bundled layer zip, as a file. */
  public static String layerZip() {
    return extract(LAYER_ZIP);
  }

  /** The bundled replay function jar, as a file. */
  public static String replayFunctionJar() {
    return extract(REPLAY_FUNCTION_JAR);
  }

  private static synchronized String extract(String name) {
    byte[] bytes = read(name);
    String hash = sha256(bytes);
    String folder = FOLDER + "-" + System.getProperty("user.name");
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), folder, hash.substring(0, 32));
    Path file = dir.resolve(name);
    try {
      if (Files.isRegularFile(file)
          && Files.size(file) == bytes.length
          && sha256(Files.readAllBytes(file)).equals(hash)) {
        return file.toString();
      }
      Files.createDirectories(dir);
      // Written beside the target and moved into place, so a concurrent synth never sees half a
      // file.
      Path partial = Files.createTempFile(dir, name, ".partial");
      Files.write(partial, bytes);
      try {
        Files.move(
            partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
      }
      return file.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "lambda-mw-cdk: cannot write the bundled " + name + " to " + dir, e);
    }
  }

  private static byte[] read(String name) {
    try (InputStream in = BundledAssets.class.getResourceAsStream("assets/" + name)) {
      if (in == null) {
        throw new IllegalStateException(
            "lambda-mw-cdk: the bundled "
                + name
                + " is missing from the class path (a library jar built without its assets?); pass an explicit"
                + " path instead");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("lambda-mw-cdk: cannot read the bundled " + name, e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
