package io.github.lambdamw.replay;

import io.github.lambdamw.replay.internal.DeferralTable;
import java.time.Instant;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Reads a function's deferred invocations (without payloads) in arrival order, from the {@code
 * byArrival} index.
 */
public final class DeferredInvocations {
  private DeferredInvocations() {}

  /**
   * Lazily paged: each page is one Query on the index, fetched as the caller iterates.
   *
   * @param from inclusive lower bound on arrival, or null
   * @param to exclusive upper bound on arrival, or null
   */
  public static Iterable<DeferredInvocation> inArrivalOrder(
      DynamoDbClient dynamo, String tableName, String functionName, Instant from, Instant to) {
    return new DeferralTable(dynamo, tableName, functionName).inArrivalOrder(from, to);
  }
}
