package io.github.lambdamw.harness.runtimeapi;

import com.sun.net.httpserver.HttpExchange;
import io.github.lambdamw.harness.internal.Exchanges;
import io.github.lambdamw.harness.internal.LoopbackServer;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Lambda for one function, on 127.0.0.1 and a free port: the Runtime API the function's runtime
 * polls ({@code AWS_LAMBDA_RUNTIME_API = }{@link #runtimeApiAddress()}) and the Invoke API the
 * SDK's {@code LambdaClient} calls ({@code endpointOverride(}{@link #endpoint()}{@code )}).
 *
 * <p>Use one instance per function process: a killed runtime's pending long poll would otherwise
 * take the next event from a queue shared with a live one.
 *
 * <p>Differences from Lambda, on purpose: nothing restarts the runtime after a timeout or an init
 * error (an answer that comes after the timeout is counted in {@link #lateAnswers()}, and after an
 * init error every invocation fails with it); asynchronous events are not retried (use {@link
 * #invoke(byte[], String)} to re-deliver an id).
 */
public final class LocalLambda implements AutoCloseable {

  /**
   * How long the Java API waits, beyond the function timeout, for a runtime to take an invocation.
   */
  private static final Duration PICK_UP_ALLOWANCE = Duration.ofSeconds(60);

  private final String functionName;
  private final String region;
  private final String functionArn;
  private final Invocations invocations;
  private final ScheduledExecutorService timer;
  private final RuntimeApiHandler runtimeApi;
  private final SnapStartRestore snapStart = new SnapStartRestore();
  private final InvokeApiHandler invokeApi;
  private final LoopbackServer server;

  private LocalLambda(Builder builder) {
    this.functionName = builder.functionName;
    this.region = builder.region;
    this.functionArn =
        "arn:aws:lambda:" + builder.region + ":" + builder.accountId + ":function:" + functionName;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "local-lambda-timeouts-" + functionName);
              thread.setDaemon(true);
              return thread;
            });
    this.invocations = new Invocations(timer, builder.timeout);
    this.runtimeApi = new RuntimeApiHandler(invocations, functionArn, snapStart);
    this.invokeApi = new InvokeApiHandler(this);
    this.server = LoopbackServer.start("local-lambda-" + functionName, this::route);
  }

  /** A builder; {@link Builder#start()} starts the server. */
  public static Builder builder(String functionName) {
    return new Builder(functionName);
  }

  /** Starts a server for {@code functionName} with Lambda's defaults (3 s timeout, us-east-1). */
  public static LocalLambda start(String functionName) {
    return builder(functionName).start();
  }

  private void route(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    try {
      if (path.startsWith(RuntimeApiHandler.PREFIX)) {
        runtimeApi.handle(exchange, path);
      } else if (path.startsWith(InvokeApiHandler.PREFIX)) {
        invokeApi.handle(exchange, path);
      } else {
        Exchanges.send(
            exchange, 404, LambdaErrors.runtimeError("InvalidRequest", "Unknown path " + path));
      }
    } finally {
      exchange.close();
    }
  }

  // ---- what the function's process needs ----

  /** {@code 127.0.0.1:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
  public String runtimeApiAddress() {
    return "127.0.0.1:" + server.port();
  }

  /** {@code http://127.0.0.1:port}, the endpoint for the SDK's {@code LambdaClient}. */
  public URI endpoint() {
    return server.endpoint();
  }

  public String functionName() {
    return functionName;
  }

  /** The region in the function ARN, and the one the function's process is told it runs in. */
  public String region() {
    return region;
  }

  public String functionArn() {
    return functionArn;
  }

  /** The function timeout: each invocation's deadline is the time a runtime took it plus this. */
  public Duration timeout() {
    return invocations.timeout();
  }

  // ---- invoking from Java ----

  /** Invokes synchronously with a new request id and waits for the answer (or the timeout). */
  public InvokeResult invoke(byte[] payload) {
    return invoke(payload, newRequestId());
  }

  /**
   * Invokes synchronously with the given request id, as Lambda does when it re-delivers an
   * asynchronous event, and waits for the answer (or the timeout).
   *
   * @throws IllegalStateException when no runtime takes the invocation within the timeout plus 60 s
   */
  public InvokeResult invoke(byte[] payload, String requestId) {
    CompletableFuture<InvokeResult> result = invokeAsync(payload, requestId);
    Duration wait = timeout().plus(PICK_UP_ALLOWANCE);
    try {
      return result.get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "No answer for request "
              + requestId
              + " within "
              + wait
              + ": did the function's runtime start and poll "
              + runtimeApiAddress()
              + "?",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while invoking " + requestId, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Queues an invocation with a new request id; the future completes with the answer. */
  public CompletableFuture<InvokeResult> invokeAsync(byte[] payload) {
    return invokeAsync(payload, newRequestId());
  }

  /** Queues an invocation with the given request id; the future completes with the answer. */
  public CompletableFuture<InvokeResult> invokeAsync(byte[] payload, String requestId) {
    return invokeAsync(payload, requestId, null, null);
  }

  /**
   * Queues an invocation carrying what a mobile SDK caller would add; the future completes with the
   * answer.
   *
   * @param clientContext JSON for {@code Lambda-Runtime-Client-Context}, or null
   * @param cognitoIdentity JSON for {@code Lambda-Runtime-Cognito-Identity}, or null
   */
  public CompletableFuture<InvokeResult> invokeAsync(
      byte[] payload, String requestId, String clientContext, String cognitoIdentity) {
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(requestId, "requestId");
    Invocation invocation =
        new Invocation(requestId, payload, clientContext, cognitoIdentity, newTraceId(), 200);
    invocations.submit(invocation);
    return invocation.result;
  }

  Invocation submit(
      byte[] payload, String requestId, String clientContext, String traceHeader, int status) {
    Invocation invocation =
        new Invocation(
            requestId,
            payload,
            clientContext,
            null,
            traceHeader == null ? newTraceId() : traceHeader,
            status);
    invocations.submit(invocation);
    return invocation;
  }

  boolean answersTo(String name) {
    // The SDK sends what the caller gave: a name, a full ARN, or a partial ARN, maybe with a
    // qualifier.
    String bare = name;
    int function = name.indexOf("function:");
    if (function >= 0) {
      bare = name.substring(function + "function:".length());
      int qualifier = bare.indexOf(':');
      if (qualifier >= 0) {
        bare = bare.substring(0, qualifier);
      }
    }
    return functionName.equals(bare);
  }

  // ---- what tests observe ----

  /** Waits until a runtime has polled {@code next} at least once; false when it did not in time. */
  public boolean awaitRuntimeReady(Duration wait) {
    try {
      return invocations.awaitFirstPoll(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * SnapStart: waits until a runtime started with {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}
   * has run its {@code beforeCheckpoint} hooks and asks {@code restore/next} (the moment Lambda
   * would take the snapshot); false when it did not in time.
   */
  public boolean awaitCheckpoint(Duration wait) {
    try {
      return snapStart.awaitCheckpoint(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * SnapStart: answers the runtime's {@code restore/next}, as Lambda does once a snapshot is
   * restored; the runtime then runs its {@code afterRestore} hooks and polls for invocations.
   */
  public void restore() {
    snapStart.restore();
  }

  /** SnapStart: how many times the runtime posted {@code restore/error}. */
  public int restoreErrors() {
    return snapStart.restoreErrors.get();
  }

  /** The init error the runtime posted, or null. */
  public InitError initError() {
    return invocations.initError();
  }

  /** Every completed invocation (Java API and Invoke API alike), in completion order. */
  public List<InvokeResult> results() {
    return invocations.results();
  }

  /**
   * Waits until at least {@code count} invocations have completed and returns all completed ones.
   */
  public List<InvokeResult> awaitResults(int count, Duration wait) {
    try {
      return invocations.awaitResults(count, wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return invocations.results();
    }
  }

  /** Invocations received, by the Invoke API or the Java API. */
  public long invocationsReceived() {
    return invocations.received.get();
  }

  /** {@code next} polls received. */
  public long nextPolls() {
    return invocations.polls.get();
  }

  /** {@code next} polls waiting right now (one per idle runtime loop). */
  public int waitingPolls() {
    return invocations.waitingPolls.get();
  }

  /** Invocations queued that no runtime has taken yet. */
  public int queuedInvocations() {
    return invocations.queuedCount();
  }

  /** Successful answers the runtime posted. */
  public long responses() {
    return invocations.responses.get();
  }

  /** Failures: error reports of the runtime, and invocations failed by an init error. */
  public long errors() {
    return invocations.errors.get();
  }

  /** Invocations answered with "Task timed out". */
  public long timeouts() {
    return invocations.timeouts.get();
  }

  /** Answers the runtime posted after the invocation had timed out. */
  public long lateAnswers() {
    return invocations.lateAnswers.get();
  }

  /** {@link System#nanoTime()} of the first successful answer, or 0; for time-to-first-response. */
  public long firstResponseNanos() {
    return invocations.firstResponseNanos.get();
  }

  @Override
  public void close() {
    server.close();
    timer.shutdownNow();
  }

  static String newRequestId() {
    return UUID.randomUUID().toString();
  }

  /** An X-Ray trace header shaped like the ones Lambda hands the runtime. */
  private static String newTraceId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    byte[] id = new byte[12];
    random.nextBytes(id);
    return String.format(
        "Root=1-%08x-%s;Parent=%016x;Sampled=0",
        System.currentTimeMillis() / 1000, HexFormat.of().formatHex(id), random.nextLong());
  }

  /** Settings of a {@link LocalLambda}; the defaults are Lambda's. */
  public static final class Builder {
    private final String functionName;
    private Duration timeout = Duration.ofSeconds(3);
    private String region = "us-east-1";
    private String accountId = "123456789012";

    private Builder(String functionName) {
      if (functionName == null || functionName.isBlank()) {
        throw new IllegalArgumentException("a function name is required");
      }
      this.functionName = functionName;
    }

    /** The function timeout; default 3 s, Lambda's default. */
    public Builder withTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** The region in the function ARN; default us-east-1. */
    public Builder withRegion(String region) {
      this.region = Objects.requireNonNull(region);
      return this;
    }

    /** The account in the function ARN; default 123456789012. */
    public Builder withAccountId(String accountId) {
      this.accountId = Objects.requireNonNull(accountId);
      return this;
    }

    public LocalLambda start() {
      return new LocalLambda(this);
    }
  }
}
