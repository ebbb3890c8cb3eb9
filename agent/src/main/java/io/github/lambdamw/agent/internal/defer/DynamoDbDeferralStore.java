package io.github.lambdamw.agent.internal.defer;

import io.github.lambdamw.agent.MaintenanceWindowDeferralException;
import io.github.lambdamw.agent.internal.AgentConfig;
import io.github.lambdamw.agent.internal.AwsClients;
import io.github.lambdamw.agent.internal.invocation.Invocation;
import io.github.lambdamw.window.WindowStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import io.github.lambdamw.agent.internal.defer.DeferredItems.StoredPayload;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Stores deferred invocations with one conditional {@code PutItem} each: the condition on the request id makes a
 * retried delivery of the same event a no-op, so an event is stored exactly once. The client is built at the first
 * deferral, never on the closed-window path.
 */
public final class DynamoDbDeferralStore implements DeferralStore {
  /** Leaves the runtime time to report an error before Lambda's own timeout strikes. */
  private static final long DEADLINE_MARGIN_MILLIS = 200;

  private static final long MAX_CALL_MILLIS = 10_000;

  private final String tableName;
  private final String functionName;
  private final long retentionDays;
  private volatile DynamoDbClient client;

  public DynamoDbDeferralStore(AgentConfig config) {
    this.tableName = config.tableName();
    this.functionName = config.functionName();
    this.retentionDays = config.retentionDays();
  }

  @Override
  public boolean store(Invocation invocation, WindowStatus window, Instant arrivedAt) {
    StoredPayload payload = StoredPayload.of(invocation.payload());
    Duration budget = callBudget(invocation, arrivedAt);
    try {
      // Chunks first, main item last: an item without all its chunks never exists. Chunk puts are unconditional
      // (a retry writes the same bytes again); the condition on the main item makes the whole store happen once.
      for (int i = 0; i < payload.chunkCount(); i++) {
        put(DeferredItems.chunk(functionName, invocation.requestId(), payload, i, arrivedAt, retentionDays), null, budget);
      }
      put(
          DeferredItems.item(functionName, invocation, payload, window, arrivedAt, retentionDays),
          "attribute_not_exists(requestId)",
          budget);
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    } catch (ResourceNotFoundException e) {
      throw failure(invocation, "table '" + tableName + "' does not exist", e);
    } catch (DynamoDbException e) {
      throw failure(
          invocation,
          "DynamoDB refused the item in table '" + tableName + "': " + e.awsErrorDetails().errorCode() + ": "
              + e.awsErrorDetails().errorMessage()
              + " (payload " + invocation.payload().length + " bytes)",
          e);
    } catch (SdkClientException e) {
      throw failure(invocation, "DynamoDB could not be reached for table '" + tableName + "': " + e.getMessage(), e);
    } catch (SdkException e) {
      throw failure(invocation, "DynamoDB failed for table '" + tableName + "': " + e, e);
    }
  }

  private void put(Map<String, AttributeValue> item, String condition, Duration budget) {
    PutItemRequest request =
        PutItemRequest.builder()
            .tableName(tableName)
            .item(item)
            .conditionExpression(condition)
            .overrideConfiguration(c -> c.apiCallTimeout(budget))
            .build();
    AwsClients.withAgentClassLoader(() -> client().putItem(request));
  }

  private static Duration callBudget(Invocation invocation, Instant arrivedAt) {
    long left = invocation.deadlineMs() - arrivedAt.toEpochMilli() - DEADLINE_MARGIN_MILLIS;
    return Duration.ofMillis(Math.max(100, Math.min(MAX_CALL_MILLIS, left)));
  }

  private static MaintenanceWindowDeferralException failure(Invocation invocation, String why, Exception cause) {
    return new MaintenanceWindowDeferralException(
        "invocation " + invocation.requestId() + " arrived during a maintenance window but was not stored: " + why
            + "; it fails so that Lambda's retries keep the event");
  }

  /** Builds the client ahead of the first deferral (when a window is open at INIT). Never throws. */
  public void prepare() {
    try {
      AwsClients.withAgentClassLoader(this::client);
    } catch (RuntimeException e) {
      // The first deferral builds it again and reports what fails, with the invocation it fails.
    }
  }

  private DynamoDbClient client() {
    DynamoDbClient current = client;
    if (current == null) {
      synchronized (this) {
        current = client;
        if (current == null) {
          current =
              DynamoDbClient.builder()
                  .httpClient(
                      UrlConnectionHttpClient.builder()
                          .connectionTimeout(Duration.ofSeconds(2))
                          .socketTimeout(Duration.ofSeconds(5))
                          .build())
                  .build();
          client = current;
        }
      }
    }
    return current;
  }
}
