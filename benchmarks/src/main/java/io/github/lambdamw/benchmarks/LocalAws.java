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
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Local AWS for benchmarks: SSM on loopback with a closed and an open window (and the realistic
 * function's own parameter), dynoxide with the deferral table, and functions started per {@link
 * BenchFunction} and {@link Variant} under RIC 2.10.1 with Lambda's JVM flags (the launcher's own).
 * Given {@link StandInTls}, a second SSM stand-in serves the same parameters over HTTPS, for runs
 * that read SSM as Lambda does.
 */
final class LocalAws implements AutoCloseable {
  static final String RIC = "2.10.1";
  static final String CLOSED_PARAMETER = "bench-window-closed";
  static final String OPEN_PARAMETER = "bench-window-open";
  static final String TABLE = "bench-deferred";

  /** The parameter {@link BenchFunction#REALISTIC} reads in its handler, and its value. */
  static final String FUNCTION_PARAMETER = "bench-function-config";

  static final String FUNCTION_PARAMETER_VALUE = "feature-flags=v42";

  /** An EventBridge scheduled event, what the sample function is deployed behind. */
  static final byte[] EVENT =
      ("{\"version\":\"0\",\"id\":\"53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa\",\"detail-type\":"
              + "\"Scheduled Event\",\"source\":\"aws.events\",\"account\":\"123456789012\","
              + "\"time\":\"2026-12-01T02:00:00Z\",\"region\":\"us-east-1\",\"resources\":"
              + "[\"arn:aws:events:us-east-1:123456789012:rule/nightly-job\"],\"detail\":{}}")
          .getBytes(StandardCharsets.UTF_8);

  private static final AtomicInteger FUNCTIONS = new AtomicInteger();

  /**
   * Full handshakes that warm the HTTPS stand-in up; see {@link #start(StandInTls)}. Measured on
   * the 2-core build machine, a handshake (both ends in this JVM) took 10-15 ms for the first 700
   * or so with the self-signed EC certificate, then 3-4 ms once the EC arithmetic was compiled;
   * with the AWS-like RSA chain (a busy machine, batches of 100) 20-30 ms at first, then 3-5 ms
   * from somewhere between 1,500 and 2,500 handshakes on. 2,500 covers both.
   */
  private static final int HANDSHAKES = 2_500;

  private final LocalSsm ssm;
  private final Dynoxide dynoxide;
  private final DynamoDbClient dynamoDb;

  /** The HTTPS stand-in and its files, or both null when started without TLS. */
  private final LocalSsm tlsSsm;

  private final StandInTls tls;

  private LocalAws(
      LocalSsm ssm, Dynoxide dynoxide, DynamoDbClient dynamoDb, LocalSsm tlsSsm, StandInTls tls) {
    this.ssm = ssm;
    this.dynoxide = dynoxide;
    this.dynamoDb = dynamoDb;
    this.tlsSsm = tlsSsm;
    this.tls = tls;
  }

  /**
   * Starts SSM and an in-memory dynoxide (no SQLite file: a shared machine's disk latency would
   * drown what the agent adds to a deferral).
   */
  static LocalAws start() {
    return start(null);
  }

  /**
   * As {@link #start()}, plus, given {@code tls} (else null), SSM over HTTPS with its key, for the
   * {@link Variant#tls} variants.
   */
  static LocalAws start(StandInTls tls) {
    LocalSsm ssm = withWindows(LocalSsm.start());
    warmUp(ssm, UrlConnectionHttpClient.create(), CLOSED_PARAMETER);
    LocalSsm tlsSsm = null;
    if (tls != null) {
      char[] password = StandInTls.PASSWORD.toCharArray();
      tlsSsm = withWindows(LocalSsm.builder().withTls(tls.keyStore(), password).start());
      warmUp(
          tlsSsm,
          UrlConnectionHttpClient.builder().tlsTrustManagersProvider(tls::trustManagers).build(),
          CLOSED_PARAMETER);
      // The reads above share one kept-alive connection; each cold function opens its own, and
      // the server's side of a full handshake must be as warm as the rest of its answer.
      FreshHandshakes.run(tlsSsm.endpoint(), tls.trustManagers(), HANDSHAKES);
    }
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
    return new LocalAws(ssm, dynoxide, dynamoDb, tlsSsm, tls);
  }

  private static LocalSsm withWindows(LocalSsm ssm) {
    ssm.put(CLOSED_PARAMETER, "2020-01-01T02:00:00Z,2020-01-01T06:00:00Z");
    ssm.put(OPEN_PARAMETER, "2020-01-01T02:00:00Z,2099-01-01T06:00:00Z");
    ssm.put(FUNCTION_PARAMETER, FUNCTION_PARAMETER_VALUE);
    return ssm;
  }

  /** {@link #warmUp(LocalSsm, SdkHttpClient, String)} on a plain-http stand-in. */
  static void warmUp(LocalSsm ssm, String parameter) {
    warmUp(ssm, UrlConnectionHttpClient.create(), parameter);
  }

  /**
   * SSM in AWS is a warm service; the stand-in runs in this JVM and would answer the first cold
   * starts from interpreted code, tens of milliseconds that no function pays in Lambda. So it
   * answers a few hundred signed reads first, until its answer takes what a loopback call takes.
   */
  private static void warmUp(LocalSsm ssm, SdkHttpClient httpClient, String parameter) {
    try (SsmClient client =
        SsmClient.builder()
            .endpointOverride(ssm.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDBENCH", "secret")))
            .httpClient(httpClient)
            .build()) {
      for (int i = 0; i < 2_000; i++) {
        client.getParameter(b -> b.name(parameter));
      }
    }
    ssm.resetFaults();
  }

  /** GetParameter calls the HTTPS (or the plain http) stand-in answered since its warm-up. */
  int reads(boolean https) {
    return ssmFor(https).calls("GetParameter");
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

  /**
   * The sample function as {@code variant} runs it with SSM on loopback, on {@code java}, pinned to
   * CPU 0 if asked.
   */
  LambdaFunction.Builder function(
      LocalLambda lambda, Variant variant, Path javaHome, int cpus, Path logFile) {
    return function(lambda, BenchFunction.SAMPLE, variant, false, javaHome, cpus, logFile);
  }

  /**
   * {@code function} as {@code variant} runs it, on {@code java}, pinned to CPU 0 if asked; SSM
   * (the agent's and the function's own calls) over HTTPS if {@code https}, else on loopback http.
   */
  LambdaFunction.Builder function(
      LocalLambda lambda,
      BenchFunction function,
      Variant variant,
      boolean https,
      Path javaHome,
      int cpus,
      Path logFile) {
    LambdaFunction.Builder builder =
        LambdaFunction.builder(lambda)
            .withEnv("AWS_ENDPOINT_URL_SSM", ssmFor(https).endpoint().toString())
            .withEnv("AWS_ENDPOINT_URL_DYNAMODB", dynoxide.endpoint().toString())
            .withHandler(function.handler)
            .withJavaHome(javaHome)
            .withRuntimeClient(RIC)
            .withLogFile(logFile)
            .withEnv(
                "MAINTENANCE_WINDOW_PARAMETER",
                variant.windowOpen ? OPEN_PARAMETER : CLOSED_PARAMETER)
            .withEnv("MAINTENANCE_WINDOW_TABLE", TABLE)
            .withEnv("FUNCTION_PARAMETER", FUNCTION_PARAMETER);
    function.jars(JavaHome.of(javaHome).featureVersion()).forEach(builder::withFunctionJar);
    if (variant.layer) {
      builder.withLayer(BuiltArtifacts.layerDir());
    }
    if (variant == Variant.AGENT_DISABLED) {
      builder.withEnv("MAINTENANCE_WINDOW_DISABLED", "true");
    }
    if (https) {
      // Every variant, the unguarded one too: the function trusts the stand-in as Lambda's JVM
      // trusts SSM. Through JAVA_TOOL_OPTIONS, where a Lambda user would put it; the layer's
      // wrapper appends its -javaagent to what is there.
      builder.withEnv("JAVA_TOOL_OPTIONS", tls.javaToolOptions());
    }
    if (variant.runtimeInstrumentation) {
      builder.withEnv("MAINTENANCE_WINDOW_RUNTIME_INSTRUMENTATION", "true");
    }
    if (!variant.tlsAhead) {
      builder.withEnv("MAINTENANCE_WINDOW_TLS_AHEAD", "false");
    }
    if (cpus == 1) {
      builder.withCommandPrefix("taskset", "-c", "0");
    } else if (cpus != 2) {
      throw new IllegalArgumentException("cpus must be 1 or 2: " + cpus);
    }
    return builder;
  }

  /** Where SSM answers, over HTTPS or on loopback http. */
  URI ssmEndpoint(boolean https) {
    return ssmFor(https).endpoint();
  }

  private LocalSsm ssmFor(boolean https) {
    if (!https) {
      return ssm;
    }
    if (tlsSsm == null) {
      throw new IllegalStateException("SSM over HTTPS needs LocalAws.start(StandInTls)");
    }
    return tlsSsm;
  }

  /** Fails unless {@code result} is what {@code variant} must answer (handler ran, or deferred). */
  static void check(Variant variant, InvokeResult result, LambdaFunction function) {
    check(BenchFunction.SAMPLE, variant, result, function);
  }

  /** As {@link #check(Variant, InvokeResult, LambdaFunction)}, for {@code benchFunction}. */
  static void check(
      BenchFunction benchFunction, Variant variant, InvokeResult result, LambdaFunction function) {
    String body = result.payloadUtf8();
    boolean ok =
        !result.isFunctionError()
            && body.contains(variant.windowOpen ? "deferred" : benchFunction.answerMarker);
    if (!ok) {
      throw new IllegalStateException(
          benchFunction
              + " "
              + variant
              + " answered unexpectedly: "
              + body
              + "\nlog: "
              + function.logLines());
    }
  }

  /**
   * Fails unless a guarded {@code function} logged that it read the window: a read that fails (a
   * TLS error, say) lets the handler run all the same, and would pass {@link #check} faster than a
   * real read. Also fails unless the stand-in of the transport ({@code https} or not) answered as
   * many GetParameter calls since {@code readsBefore} (from {@link #reads(boolean)}) as the agent
   * and the handler make: none went elsewhere.
   */
  void checkReads(
      BenchFunction benchFunction,
      Variant variant,
      boolean https,
      LambdaFunction function,
      int readsBefore) {
    int expected = 0;
    if (variant.readsWindow()) {
      function.awaitLog(
          line -> line.contains("read the window from SSM parameter"), Duration.ofSeconds(5));
      expected++;
    }
    if (benchFunction.callsSsm && !variant.windowOpen) {
      expected++;
    }
    int reads = reads(https) - readsBefore;
    if (reads < expected) {
      throw new IllegalStateException(
          benchFunction
              + " "
              + variant
              + ": "
              + reads
              + " GetParameter calls over "
              + (https ? "HTTPS" : "http")
              + ", expected "
              + expected
              + "; log: "
              + function.logLines());
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
    if (tlsSsm != null) {
      tlsSsm.close();
    }
  }
}
