package io.github.lambdamw.demo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Where the sample-function module writes the jar the demo deploys, relative to this module. (The
 * layer and the replay function come inside lambda-mw-cdk.)
 */
public final class AssetPaths {

  private static final String VERSION = readVersion();

  private AssetPaths() {}

  /** The project version the sibling artifacts carry in their file names. */
  public static String version() {
    return VERSION;
  }

  /** The sample function's jar (artifact {@code lambda-mw-sample-function}). */
  public static String defaultSampleFunctionJar() {
    return "../../sample-function/target/lambda-mw-sample-function-" + VERSION + ".jar";
  }

  private static String readVersion() {
    try (InputStream in = AssetPaths.class.getResourceAsStream("demo.properties")) {
      if (in == null) {
        throw new IllegalStateException(
            "demo.properties is missing from the class path: build with Maven");
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version");
      if (version == null || version.isEmpty() || version.startsWith("${")) {
        throw new IllegalStateException(
            "demo.properties has no filtered version: build with Maven");
      }
      return version;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read demo.properties", e);
    }
  }
}
