package io.github.lambdamw.infra.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Where the sibling modules write the artifacts the app deploys, relative to the infra module. */
public final class AssetPaths {

  private static final String VERSION = readVersion();

  private AssetPaths() {}

  /** The project version the sibling artifacts carry in their file names. */
  public static String version() {
    return VERSION;
  }

  /** The wrapper module's layer zip (artifact {@code lambda-mw-wrapper}, classifier {@code layer}). */
  public static String defaultLayerZip() {
    return "../wrapper/target/lambda-mw-wrapper-" + VERSION + "-layer.zip";
  }

  /** The sample function's jar (artifact {@code lambda-mw-sample-function}). */
  public static String defaultSampleFunctionJar() {
    return "../sample-function/target/lambda-mw-sample-function-" + VERSION + ".jar";
  }

  /** The replay function's deployment package (artifact {@code lambda-mw-replay}, classifier {@code function}). */
  public static String defaultReplayFunctionJar() {
    return "../replay/target/lambda-mw-replay-" + VERSION + "-function.jar";
  }

  private static String readVersion() {
    try (InputStream in = AssetPaths.class.getResourceAsStream("infra.properties")) {
      if (in == null) {
        throw new IllegalStateException("infra.properties is missing from the class path: build with Maven");
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version");
      if (version == null || version.isEmpty() || version.startsWith("${")) {
        throw new IllegalStateException("infra.properties has no filtered version: build with Maven");
      }
      return version;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read infra.properties", e);
    }
  }
}
