package io.github.lambdamw.harness;

import io.github.lambdamw.harness.dynamodb.Dynoxide;
import io.github.lambdamw.harness.function.LambdaFunction;
import io.github.lambdamw.harness.runtimeapi.LocalLambda;
import io.github.lambdamw.harness.ssm.LocalSsm;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Local AWS for one test or demo: SSM and DynamoDB started at once, and functions each with their
 * own {@link LocalLambda}, wired to them through the SDK's standard environment ({@code
 * AWS_ENDPOINT_URL_SSM}, {@code AWS_ENDPOINT_URL_DYNAMODB}, {@code AWS_REGION}, fake credentials).
 * Closing it stops everything it started, newest first.
 *
 * <pre>{@code
 * try (Harness harness = Harness.start()) {
 *   harness.ssm().put("maintenance-window", "{\"windows\":[]}");
 *   LocalLambda lambda = harness.lambda("job", Duration.ofSeconds(10));
 *   harness.track(harness.function(lambda).withHandler("…").withFunctionJar(jar).start())
 *       .awaitReady(Duration.ofSeconds(30));
 *   InvokeResult result = lambda.invoke("{}".getBytes(UTF_8));
 * }
 * }</pre>
 */
public final class Harness implements AutoCloseable {

  /** The region every part of the harness claims to be in. */
  public static final String REGION = "us-east-1";

  private final LocalSsm ssm;
  private final Dynoxide dynamoDb;
  private final Deque<AutoCloseable> started = new ArrayDeque<>();

  private Harness(LocalSsm ssm, Dynoxide dynamoDb) {
    this.ssm = ssm;
    this.dynamoDb = dynamoDb;
    started.push(ssm);
    started.push(dynamoDb);
  }

  /**
   * Starts LocalSsm and dynoxide (with a data file, so {@code dynamoDb().restart()} keeps data).
   */
  public static Harness start() {
    LocalSsm ssm = LocalSsm.start();
    try {
      return new Harness(ssm, Dynoxide.start());
    } catch (RuntimeException e) {
      ssm.close();
      throw e;
    }
  }

  public LocalSsm ssm() {
    return ssm;
  }

  public Dynoxide dynamoDb() {
    return dynamoDb;
  }

  /** A new Lambda server for one function process, closed with the harness. */
  public synchronized LocalLambda lambda(String functionName, Duration timeout) {
    LocalLambda lambda =
        LocalLambda.builder(functionName).withTimeout(timeout).withRegion(REGION).start();
    started.push(lambda);
    return lambda;
  }

  /**
   * A launcher for a function served by {@code lambda}, with the endpoints of this harness in its
   * environment; the process it starts must be closed by the caller, or use {@link #track}.
   */
  public LambdaFunction.Builder function(LocalLambda lambda) {
    return LambdaFunction.builder(lambda).withEnv(awsEnvironment());
  }

  /** Closes {@code resource} with the harness (before what was started earlier). */
  public synchronized <T extends AutoCloseable> T track(T resource) {
    started.push(resource);
    return resource;
  }

  /** The variables that point the SDK in a function's process at this harness. */
  public Map<String, String> awsEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("AWS_ENDPOINT_URL_SSM", ssm.endpoint().toString());
    env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDb.endpoint().toString());
    env.put("AWS_REGION", REGION);
    return env;
  }

  @Override
  public synchronized void close() {
    RuntimeException failure = null;
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("closing the harness failed", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
