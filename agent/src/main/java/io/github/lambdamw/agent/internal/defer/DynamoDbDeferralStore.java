package io.github.lambdamw.agent.internal.defer;

import io.github.lambdamw.agent.MaintenanceWindowDeferralException;
import io.github.lambdamw.agent.internal.AgentConfig;
import io.github.lambdamw.agent.internal.aws.AwsEnvironment;
import io.github.lambdamw.agent.internal.aws.AwsError;
import io.github.lambdamw.agent.internal.aws.JsonCall;
import io.github.lambdamw.agent.internal.defer.DeferredItems.StoredPayload;
import io.github.lambdamw.agent.internal.invocation.Invocation;
import io.github.lambdamw.window.WindowStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Stores deferred invocations with one conditional {@code PutItem} each: the condition on the
 * request id makes a retried delivery of the same event a no-op, so an event is stored exactly
 * once.
 *
 * <p>{@code PutItem} is sent as DynamoDB's JSON protocol through {@link JsonCall}, not through the
 * SDK's {@code DynamoDbClient}: that client cost about 300 ms of CPU to build at the first deferral
 * of a cold start, 1,500 classes, and 2.6 MB of every layer, for this one operation. What the
 * client did besides, this class does: retries with back-off on throttling, server errors and
 * broken connections, within the invocation's deadline.
 */
public final class DynamoDbDeferralStore implements DeferralStore {
  /** Leaves the runtime time to report an error before Lambda's own timeout strikes. */
  private static final long DEADLINE_MARGIN_MILLIS = 200;

  private static final long MAX_CALL_MILLIS = 10_000;
  private static final long MIN_CALL_MILLIS = 100;

  /** As the SDK's standard retry mode: three attempts in all. */
  private static final int ATTEMPTS = 3;

  private static final long BACKOFF_BASE_MILLIS = 25;
  private static final String CONDITION = "attribute_not_exists(requestId)";

  private final String tableName;
  private final String functionName;
  private final long retentionDays;
  private final Map<String, String> env;
  private volatile JsonCall call;

  public DynamoDbDeferralStore(AgentConfig config, Map<String, String> env) {
    this.tableName = config.tableName();
    this.functionName = config.functionName();
    this.retentionDays = config.retentionDays();
    this.env = env;
  }

  @Override
  public boolean store(Invocation invocation, WindowStatus window, Instant arrivedAt) {
    StoredPayload payload = StoredPayload.of(invocation.payload());
    long deadline = System.currentTimeMillis() + callBudgetMillis(invocation, arrivedAt);
    // Chunks first, main item last: an item without all its chunks never exists. Chunk puts are
    // unconditional
    // (a retry writes the same bytes again); the condition on the main item makes the whole store
    // happen once.
    for (int i = 0; i < payload.chunkCount(); i++) {
      DynamoDbItem chunk =
          DeferredItems.chunk(
              functionName, invocation.requestId(), payload, i, arrivedAt, retentionDays);
      put(invocation, chunk.putItemRequest(tableName, null), deadline);
    }
    DynamoDbItem item =
        DeferredItems.item(functionName, invocation, payload, window, arrivedAt, retentionDays);
    return put(invocation, item.putItemRequest(tableName, CONDITION), deadline) == Outcome.STORED;
  }

  private enum Outcome {
    STORED,
    ALREADY_STORED
  }

  private Outcome put(Invocation invocation, String request, long deadline) {
    String lastProblem = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      long left = deadline - System.currentTimeMillis();
      if (attempt > 1 && left < MIN_CALL_MILLIS) {
        break;
      }
      try {
        JsonCall.Response response =
            call()
                .call(
                    "PutItem",
                    request,
                    (int) Math.max(MIN_CALL_MILLIS, Math.min(left, MAX_CALL_MILLIS)));
        if (response.status() == 200) {
          return Outcome.STORED;
        }
        AwsError error = AwsError.of(response);
        if (error.type().equals("ConditionalCheckFailedException")) {
          return Outcome.ALREADY_STORED;
        }
        if (error.type().equals("ResourceNotFoundException")) {
          throw failure(
              invocation, "table '" + tableName + "' does not exist (" + endpointText() + ")");
        }
        if (!error.retryable()) {
          throw failure(
              invocation,
              "DynamoDB refused the item in table '"
                  + tableName
                  + "': "
                  + error
                  + " (payload "
                  + invocation.payload().length
                  + " bytes)");
        }
        lastProblem = "DynamoDB failed for table '" + tableName + "': " + error;
      } catch (IOException | UncheckedIOException e) {
        Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
        lastProblem =
            "DynamoDB could not be reached for table '"
                + tableName
                + "' at "
                + endpointText()
                + ": "
                + cause;
      } catch (MaintenanceWindowDeferralException e) {
        throw e;
      } catch (RuntimeException e) {
        // A setting that cannot work (a malformed AWS_ENDPOINT_URL_DYNAMODB, reported at INIT), or
        // any surprise:
        // still the documented failure, so that Lambda's retries keep the event. Asking again would
        // not help.
        throw failure(
            invocation, "DynamoDB could not be called for table '" + tableName + "': " + e);
      }
      if (attempt < ATTEMPTS) {
        backOff(attempt, deadline);
      }
    }
    throw failure(
        invocation,
        lastProblem + " (after " + ATTEMPTS + " attempts or the invocation's deadline)");
  }

  /**
   * Exponential back-off with full jitter (25, 50 ms…), as the SDK does, cut short by the deadline.
   * Jitter spreads the retries of concurrent invocations that a throttle hit together.
   */
  private static void backOff(int attempt, long deadline) {
    long ceiling = BACKOFF_BASE_MILLIS << (attempt - 1);
    long pause =
        Math.min(
            (long) (Math.random() * ceiling),
            deadline - System.currentTimeMillis() - MIN_CALL_MILLIS);
    if (pause > 0) {
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static long callBudgetMillis(Invocation invocation, Instant arrivedAt) {
    long left = invocation.deadlineMs() - arrivedAt.toEpochMilli() - DEADLINE_MARGIN_MILLIS;
    return Math.max(MIN_CALL_MILLIS, Math.min(MAX_CALL_MILLIS, left));
  }

  private static MaintenanceWindowDeferralException failure(Invocation invocation, String why) {
    // The message carries the cause; a cause attached would put its stack into the function's error
    // answer.
    return new MaintenanceWindowDeferralException(
        "invocation "
            + invocation.requestId()
            + " arrived during a maintenance window but was not stored: "
            + why
            + "; it fails so that Lambda's retries keep the event");
  }

  /**
   * Makes the first deferral cheaper: creates the call and runs the item's code once on made-up
   * values, so that its classes are loaded (when a window is open at INIT, and before a SnapStart
   * snapshot). Writes nothing. Never throws.
   *
   * @param connect also open the connection to DynamoDB now (its TLS handshake is most of a first
   *     call's cost in Lambda); not before a snapshot, whose connections a restore cannot use
   */
  public void prepare(boolean connect) {
    try {
      JsonCall call = call();
      if (connect) {
        call.connectAhead();
      }
      Instant now = Instant.now();
      Invocation sample =
          new Invocation("prepare", null, now.toEpochMilli(), null, null, null, null, new byte[1]);
      DeferredItems.item(
              functionName,
              sample,
              StoredPayload.of(sample.payload()),
              WindowStatus.closedUntil(null),
              now,
              retentionDays)
          .putItemRequest(tableName, CONDITION);
      AwsError.of(new JsonCall.Response(400, "{\"__type\":\"x#Prepare\"}")).retryable();
    } catch (IOException | RuntimeException | LinkageError e) {
      // The first deferral creates it again and reports what fails, with the invocation it fails.
    }
  }

  private String endpointText() {
    return new AwsEnvironment(env).endpointText(JsonCall.Protocol.DYNAMODB.service());
  }

  private JsonCall call() {
    JsonCall current = call;
    if (current == null) {
      synchronized (this) {
        current = call;
        if (current == null) {
          current =
              JsonCall.forService(
                  new AwsEnvironment(env),
                  JsonCall.Protocol.DYNAMODB,
                  Duration.ofMillis(MAX_CALL_MILLIS));
          call = current;
        }
      }
    }
    return current;
  }
}
