package io.github.lambdamw.harness.function;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The function jars and the layer the harness build copies from the sibling modules (profile {@code
 * sibling-artifacts} in harness/pom.xml): {@code target/functions/lambda-mw-test-functions.jar},
 * {@code target/functions/lambda-mw-sample-function.jar}, and the layer unpacked in {@code
 * target/layer/}.
 *
 * <p>The folders are the system properties {@code lmw.functions.dir} and {@code lmw.layer.dir} (set
 * by the harness's surefire configuration), else {@code harness/target/…} found walking up.
 */
public final class BuiltArtifacts {

  /** test-functions' echo handler (a RequestStreamHandler). */
  public static final String ECHO_HANDLER = "io.github.lambdamw.testfunctions.EchoHandler";

  /** sample-function's handler. */
  public static final String SAMPLE_HANDLER =
      "io.github.lambdamw.sample.ScheduledJobHandler::handleRequest";

  private BuiltArtifacts() {}

  public static Path testFunctionsJar() {
    return existing(dir("lmw.functions.dir", "functions").resolve("lambda-mw-test-functions.jar"));
  }

  public static Path sampleFunctionJar() {
    return existing(dir("lmw.functions.dir", "functions").resolve("lambda-mw-sample-function.jar"));
  }

  /**
   * The replay module's function jar (handler {@code
   * io.github.lambdamw.replay.ReplayFunctionHandler::handleRequest}).
   */
  public static Path replayFunctionJar() {
    return existing(dir("lmw.functions.dir", "functions").resolve("lambda-mw-replay-function.jar"));
  }

  /**
   * The unpacked layer: what Lambda would mount at /opt, holding {@code
   * maintenance-window/wrapper}.
   */
  public static Path layerDir() {
    Path layer = dir("lmw.layer.dir", "layer");
    existing(layer.resolve(LambdaFunction.LAYER_WRAPPER));
    return layer;
  }

  /** True when the build copied the sibling artifacts (tests can skip themselves until then). */
  public static boolean available() {
    Path functions = dir("lmw.functions.dir", "functions");
    return Files.isRegularFile(functions.resolve("lambda-mw-test-functions.jar"))
        && Files.isRegularFile(dir("lmw.layer.dir", "layer").resolve(LambdaFunction.LAYER_WRAPPER));
  }

  private static Path dir(String property, String name) {
    String configured = System.getProperty(property);
    if (configured != null) {
      return Path.of(configured);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      for (Path candidate :
          new Path[] {dir.resolve("target/" + name), dir.resolve("harness/target/" + name)}) {
        if (Files.isDirectory(candidate)) {
          return candidate;
        }
      }
    }
    return Path.of("harness/target", name).toAbsolutePath();
  }

  private static Path existing(Path path) {
    if (!Files.exists(path)) {
      throw new IllegalStateException(
          path
              + " is missing. The harness copies it from the sibling modules when the profile"
              + " sibling-artifacts is active (on by itself once test-functions/src/main/java"
              + " exists, or -Psibling-artifacts): ./mvnw -pl harness -am verify");
    }
    return path;
  }
}
