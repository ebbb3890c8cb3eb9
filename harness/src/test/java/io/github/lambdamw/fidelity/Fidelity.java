package io.github.lambdamw.fidelity;

import io.github.lambdamw.harness.Harness;
import io.github.lambdamw.harness.dynamodb.DeferralTable;
import io.github.lambdamw.harness.function.BuiltArtifacts;
import io.github.lambdamw.harness.function.JavaHome;
import io.github.lambdamw.harness.function.LambdaFunction;
import io.github.lambdamw.harness.runtimeapi.InvokeResult;
import io.github.lambdamw.harness.runtimeapi.LocalLambda;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the fidelity and fault suites share: window values, the payload marker, how guarded and
 * baseline functions are started (each with its log kept under {@code target/fidelity-logs/} for
 * the log audit), and a bounded pool for matrix cells.
 */
public final class Fidelity {

  /**
   * Planted in every payload the suites send (except events a handler itself prints, see {@link
   * LogAudit}); no function log line may contain it.
   */
  public static final String MARKER = "LMW-PAYLOAD-MARKER-5f1c";

  /** An open-ended window that started long ago: open now. */
  public static final String OPEN =
      "{\"windows\":[{\"start\":\"2020-01-01T00:00:00Z\",\"reason\":\"fidelity suite\"}]}";

  /** No window at all: closed. */
  public static final String CLOSED = "{\"windows\":[]}";

  public static final String TABLE = DeferralTable.DEFAULT_NAME;

  /** The agent's refresh interval in these suites, so a test can switch a window within a run. */
  public static final String REFRESH_SECONDS = "1";

  /** Long enough after an SSM change for the next invocation to read the new value. */
  public static final Duration AFTER_REFRESH = Duration.ofMillis(1_200);

  public static final Duration READY = Duration.ofSeconds(60);

  /** Threads for matrix cells: {@code -Dlmw.fidelity.threads}, default 2 (CI machines have 2). */
  public static final int THREADS = Integer.getInteger("lmw.fidelity.threads", 2);

  private static final Path LOGS = Path.of("target", "fidelity-logs");
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private Fidelity() {}

  public static Path javaHome(int feature) {
    return switch (feature) {
      case 17 -> JavaHome.OPENJDK_17;
      case 25 -> JavaHome.TEMURIN_25;
      default -> throw new IllegalArgumentException("no JDK " + feature + " here");
    };
  }

  /** The folder of the logs of one suite, emptied once per JVM run of that suite. */
  public static Path logDir(String suite) {
    return LOGS.resolve(suite);
  }

  /** Empties a suite's log folder (call in {@code @BeforeAll}). */
  public static void resetLogs(String suite) {
    Path dir = logDir(suite);
    try {
      if (Files.isDirectory(dir)) {
        try (var files = Files.walk(dir)) {
          files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
      }
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A Lambda function name from free text (letters, digits, - and _), unique in this JVM. */
  public static String functionName(String text) {
    return text.replaceAll("[^A-Za-z0-9_-]", "_") + "-" + SEQUENCE.incrementAndGet();
  }

  /** A function without the layer: what the function does without the agent. */
  public static LambdaFunction.Builder baseline(
      Harness harness, LocalLambda lambda, String suite, int jdk, String ric) {
    return harness
        .function(lambda)
        .withJavaHome(javaHome(jdk))
        .withRuntimeClient(ric)
        .withLogFile(
            logDir(suite)
                .resolve(lambda.functionName() + "-" + SEQUENCE.incrementAndGet() + ".log"));
  }

  /**
   * A function through the layer, reading its window from {@code parameter} every {@value
   * #REFRESH_SECONDS} s.
   */
  public static LambdaFunction.Builder guarded(
      Harness harness, LocalLambda lambda, String suite, int jdk, String ric, String parameter) {
    return baseline(harness, lambda, suite, jdk, ric)
        .withLayer(BuiltArtifacts.layerDir())
        .withEnv("MAINTENANCE_WINDOW_PARAMETER", parameter)
        .withEnv("MAINTENANCE_WINDOW_TABLE", TABLE)
        .withEnv("MAINTENANCE_WINDOW_REFRESH_SECONDS", REFRESH_SECONDS);
  }

  public static DynamoDbClient dynamoDb(URI endpoint) {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.of(Harness.REGION))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "local")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** True when the answer is the agent's default deferral answer for that request. */
  public static boolean isDeferredAnswer(InvokeResult result) {
    return !result.isFunctionError()
        && result
            .payloadUtf8()
            .startsWith("{\"deferred\":true,\"requestId\":\"" + result.requestId());
  }

  public static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Runs {@code tasks} on {@link #THREADS} threads; returns their results in order. */
  public static <T> List<T> inParallel(List<java.util.concurrent.Callable<T>> tasks) {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (var task : tasks) {
        futures.add(pool.submit(task));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
