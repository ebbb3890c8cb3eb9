package io.github.lambdamw.harness.function;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The environment Lambda gives a Java function's process, built from nothing: the test JVM's own
 * environment (JAVA_TOOL_OPTIONS, a developer's AWS profile …) must not leak into the function.
 */
final class LambdaEnvironment {

  /** Fake credentials: the local stand-ins accept any; real AWS would refuse them. */
  static final String ACCESS_KEY_ID = "AKIALOCALHARNESS0000";

  static final String SECRET_ACCESS_KEY = "local-harness-secret";
  static final String SESSION_TOKEN = "local-harness-session";

  private LambdaEnvironment() {}

  static Map<String, String> of(
      String functionName,
      String runtimeApi,
      int memoryMb,
      String region,
      Path taskRoot,
      String handler,
      JavaHome java,
      Path runtimeDir,
      Path wrapper,
      Path layerDir,
      Map<String, String> extra) {
    Map<String, String> env = new LinkedHashMap<>();
    String bin = java.path().resolve("bin").toString();
    env.put(
        "PATH",
        bin
            + ":/usr/local/bin:/usr/bin:/bin"
            + (layerDir == null ? "" : ":" + layerDir.resolve("bin")));
    env.put("LANG", "en_US.UTF-8");
    env.put("TZ", ":UTC");
    env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
    env.put("LAMBDA_RUNTIME_DIR", runtimeDir.toString());
    env.put("_HANDLER", handler);
    env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java" + java.featureVersion());
    env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
    env.put("AWS_LAMBDA_FUNCTION_NAME", functionName);
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(memoryMb));
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
    env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + functionName);
    env.put("AWS_LAMBDA_LOG_STREAM_NAME", logStreamName());
    env.put("AWS_REGION", region);
    env.put("AWS_DEFAULT_REGION", region);
    env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY_ID);
    env.put("AWS_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY);
    env.put("AWS_SESSION_TOKEN", SESSION_TOKEN);
    if (wrapper != null) {
      env.put("AWS_LAMBDA_EXEC_WRAPPER", wrapper.toString());
    }
    env.putAll(extra);
    return env;
  }

  /** {@code 2026/11/27/[$LATEST]<32 hex>}, the shape of Lambda's log stream names. */
  private static String logStreamName() {
    byte[] id = new byte[16];
    ThreadLocalRandom.current().nextBytes(id);
    return LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy/MM/dd"))
        + "/[$LATEST]"
        + HexFormat.of().formatHex(id);
  }
}
