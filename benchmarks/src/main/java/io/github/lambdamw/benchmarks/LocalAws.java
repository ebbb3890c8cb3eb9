package io.github.lambdamw.benchmarks;

import io.github.lambdamw.harness.Harness;
import io.github.lambdamw.harness.dynamodb.DeferralTable;
import io.github.lambdamw.harness.dynamodb.Dynoxide;
import io.github.lambdamw.harness.function.BuiltArtifacts;
import io.github.lambdamw.harness.function.JavaHome;
import io.github.lambdamw.harness.function.LambdaFunction;
import io.github.lambdamw.harness.runtimeapi.InvokeResult;
import io.github.lambdamw.harness.runtimeapi.LocalLambda;
import io.github.lambdamw.harness.ssm.LocalSsm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Local AWS for benchmarks: SSM on loopback with a closed and an open window, dynoxide with the
 * deferral table, and functions started per {@link Variant}: the sample function under RIC 2.10.1
 * with Lambda's JVM flags (the launcher's own).
 */
final class LocalAws implements AutoCloseable {
  static final String RIC = "2.10.1";
  static final String CLOSED_PARAMETER = "bench-window-closed";
  static final String OPEN_PARAMETER = "bench-window-open";
  static final String TABLE = "bench-deferred";

  /** An EventBridge scheduled event, what the sample function is deployed behind. */
  static final byte[] EVENT =
      ("{\"version\":\"0\",\"id\":\"53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa\",\"detail-type\":"
              + "\"Scheduled Event\",\"source\":\"aws.events\",\"account\":\"123456789012\","
              + "\"time\":\"2026-12-01T02:00:00Z\",\"region\":\"us-east-1\",\"resources\":"
              + "[\"arn:aws:events:us-east-1:123456789012:rule/nightly-job\"],\"detail\":{}}")
          .getBytes(StandardCharsets.UTF_8);

  private static final AtomicInteger FUNCTIONS = new AtomicInteger();

  private final LocalSsm ssm;
  private final Dynoxide dynoxide;
  private final DynamoDbClient dynamoDb;

  private LocalAws(LocalSsm ssm, Dynoxide dynoxide, DynamoDbClient dynamoDb) {
    this.ssm = ssm;
    this.dynoxide = dynoxide;
    this.dynamoDb = dynamoDb;
  }

  /**
   * Starts SSM and an in-memory dynoxide (no SQLite file: a shared machine's disk latency would
   * drown what the agent adds to a deferral).
   */
  static LocalAws start() {
    LocalSsm ssm = LocalSsm.start();
    ssm.put(CLOSED_PARAMETER, "2020-01-01T02:00:00Z,2020-01-01T06:00:00Z");
    ssm.put(OPEN_PARAMETER, "2020-01-01T02:00:00Z,2099-01-01T06:00:00Z");
    Dynoxide dynoxide = Dynoxide.builder().inMemory().start();
    DynamoDbClient dynamoDb =
        DynamoDbClient.builder()
            .endpointOverride(dynoxide.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDBENCH", "secret")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    DeferralTable.create(dynamoDb, TABLE);
    warmUp(ssm);
    return new LocalAws(ssm, dynoxide, dynamoDb);
  }

  /**
   * SSM in AWS is a warm service; the stand-in runs in this JVM and would answer the first cold
   * starts from interpreted code, tens of milliseconds that no function pays in Lambda. So it
   * answers a few hundred signed reads first, until its answer takes what a loopback call takes.
   */
  private static void warmUp(LocalSsm ssm) {
    try (SsmClient client =
        SsmClient.builder()
            .endpointOverride(ssm.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDBENCH", "secret")))
            .httpClient(UrlConnectionHttpClient.create())
            .build()) {
      for (int i = 0; i < 2_000; i++) {
        client.getParameter(b -> b.name(CLOSED_PARAMETER));
      }
    }
    ssm.resetFaults();
  }

  Dynoxide dynoxide() {
    return dynoxide;
  }

  DynamoDbClient dynamoDb() {
    return dynamoDb;
  }

  /** A Lambda server for one function process; the caller closes it. */
  LocalLambda newLambda() {
    return LocalLambda.builder("bench-" + FUNCTIONS.incrementAndGet())
        .withTimeout(Duration.ofSeconds(30))
        .withRegion(Harness.REGION)
        .start();
  }

  /** The sample function as {@code variant} runs it, on {@code java}, pinned to CPU 0 if asked. */
  LambdaFunction.Builder function(
      LocalLambda lambda, Variant variant, Path javaHome, int cpus, Path logFile) {
    LambdaFunction.Builder builder =
        LambdaFunction.builder(lambda)
            .withEnv("AWS_ENDPOINT_URL_SSM", ssm.endpoint().toString())
            .withEnv("AWS_ENDPOINT_URL_DYNAMODB", dynoxide.endpoint().toString())
            .withHandler(BuiltArtifacts.SAMPLE_HANDLER)
            .withFunctionJar(SampleFunctionJar.forJava(JavaHome.of(javaHome).featureVersion()))
            .withJavaHome(javaHome)
            .withRuntimeClient(RIC)
            .withLogFile(logFile)
            .withEnv(
                "MAINTENANCE_WINDOW_PARAMETER",
                variant.windowOpen ? OPEN_PARAMETER : CLOSED_PARAMETER)
            .withEnv("MAINTENANCE_WINDOW_TABLE", TABLE);
    if (variant.layer) {
      builder.withLayer(BuiltArtifacts.layerDir());
    }
    if (variant == Variant.AGENT_DISABLED) {
      builder.withEnv("MAINTENANCE_WINDOW_DISABLED", "true");
    }
    if (variant.runtimeInstrumentation) {
      builder.withEnv("MAINTENANCE_WINDOW_RUNTIME_INSTRUMENTATION", "true");
    }
    if (cpus == 1) {
      builder.withCommandPrefix("taskset", "-c", "0");
    } else if (cpus != 2) {
      throw new IllegalArgumentException("cpus must be 1 or 2: " + cpus);
    }
    return builder;
  }

  /** Fails unless {@code result} is what {@code variant} must answer (handler ran, or deferred). */
  static void check(Variant variant, InvokeResult result, LambdaFunction function) {
    String body = result.payloadUtf8();
    boolean ok =
        !result.isFunctionError()
            && (variant.windowOpen
                ? body.contains("deferred")
                : body.contains("scheduled job ran"));
    if (!ok) {
      throw new IllegalStateException(
          variant + " answered unexpectedly: " + body + "\nlog: " + function.logLines());
    }
  }

  /**
   * Fails unless a guarded {@code function} logged that it read the window: a read that fails
   * lets the handler run all the same, and would pass {@link #check} faster than a real read.
   */
  static void checkWindowRead(Variant variant, LambdaFunction function) {
    if (variant.readsWindow()) {
      function.awaitLog(
          line -> line.contains("read the window from SSM parameter"), Duration.ofSeconds(5));
    }
  }

  /** The JVM's resident set in kB, from /proc/&lt;pid&gt;/status. */
  static long residentKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the status of " + pid, e);
    }
    throw new IllegalStateException("no VmRSS for " + pid);
  }

  static Path javaHome(String version) {
    return switch (version) {
      case "17" -> JavaHome.OPENJDK_17;
      case "25" -> JavaHome.TEMURIN_25;
      default -> Path.of(version);
    };
  }

  @Override
  public void close() {
    dynamoDb.close();
    dynoxide.close();
    ssm.close();
  }
}
