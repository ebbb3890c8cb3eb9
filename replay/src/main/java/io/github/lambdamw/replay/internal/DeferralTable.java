package io.github.lambdamw.replay.internal;

import io.github.lambdamw.replay.DeferredInvocation;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The replay's side of the deferred-invocation table (docs/contracts.md), plus the replay's own
 * attributes:
 *
 * <ul>
 *   <li>{@code replayState} S: {@code IN_FLIGHT} while a replay has (or may have) handed the item
 *       to Lambda;
 *   <li>{@code replayToken} S: the id of the run that set {@code replayState};
 *   <li>{@code replayStartedAt}, {@code lastReplayAt} S: ISO-8601 instants;
 *   <li>{@code replayAttempts} N and {@code lastReplayError} S, as the contract names them.
 * </ul>
 *
 * <p>Actions: {@code Query} on index {@code byArrival}; {@code UpdateItem}, {@code DeleteItem} and
 * (for chunked payloads) {@code GetItem} on the table.
 */
public final class DeferralTable {
  public static final String INDEX = "byArrival";
  public static final String IN_FLIGHT = "IN_FLIGHT";
  static final int MAX_ERROR_CHARS = 1000;

  private static final String LISTED =
      "functionName, requestId, arrivalKey, arrivedAt, payloadSize, replayAttempts, lastReplayError, replayState";

  private final DynamoDbClient dynamo;
  private final String tableName;
  private final String functionName;

  public DeferralTable(DynamoDbClient dynamo, String tableName, String functionName) {
    this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
    this.tableName = Objects.requireNonNull(tableName, "tableName");
    this.functionName = Objects.requireNonNull(functionName, "functionName");
  }

  /**
   * The function's items in arrival order, without payloads, read page by page as the caller
   * iterates.
   */
  public Iterable<DeferredInvocation> inArrivalOrder(Instant from, Instant to) {
    QueryRequest request = query(from, to).projectionExpression(LISTED).build();
    return () ->
        dynamo.queryPaginator(request).items().stream().map(DeferralTable::describe).iterator();
  }

  /** How many of the function's items in the range are stored. */
  public long count(Instant from, Instant to) {
    long count = 0;
    for (QueryResponse page : dynamo.queryPaginator(query(from, to).select(Select.COUNT).build())) {
      count += page.count();
    }
    return count;
  }

  /**
   * Marks the item in flight for run {@code token} and returns the whole item (payload included,
   * strongly consistent), or null when it is gone or another run holds it. The mark is what makes a
   * killed run's items recognisable.
   */
  public Map<String, AttributeValue> take(String requestId, String token, boolean evenIfInFlight) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":state", s(IN_FLIGHT));
    values.put(":token", s(token));
    values.put(":now", s(Instant.now().toString()));
    String condition =
        evenIfInFlight
            ? "attribute_exists(requestId) AND (attribute_not_exists(replayState) OR replayState = :state)"
            : "attribute_exists(requestId) AND attribute_not_exists(replayState)";
    try {
      return dynamo
          .updateItem(
              r ->
                  r.tableName(tableName)
                      .key(key(requestId))
                      .updateExpression(
                          "SET replayState = :state, replayToken = :token, replayStartedAt = :now")
                      .conditionExpression(condition)
                      .expressionAttributeValues(values)
                      .returnValues(ReturnValue.ALL_NEW)
                      .returnValuesOnConditionCheckFailure(
                          ReturnValuesOnConditionCheckFailure.ALL_OLD))
          .attributes();
    } catch (ConditionalCheckFailedException e) {
      // The SDK retries a call whose answer was lost; if the first try went through, the item
      // carries our token.
      Map<String, AttributeValue> old = e.hasItem() ? e.item() : null;
      if (old != null && token.equals(text(old, "replayToken"))) {
        return old;
      }
      return null;
    }
  }

  /** The raw event of an item {@link #take taken} by this run, chunk items included. */
  public byte[] payload(Map<String, AttributeValue> item) {
    return StoredPayload.read(item, this::chunk);
  }

  private Map<String, AttributeValue> chunk(String chunkKey) {
    var response =
        dynamo.getItem(r -> r.tableName(tableName).key(key(chunkKey)).consistentRead(true));
    return response.hasItem() ? response.item() : null;
  }

  /**
   * Deletes an item Lambda accepted, then its chunk items; false if the item was no longer ours
   * (another run took it over, or it is gone). The main item goes first: it alone makes the
   * invocation stored, so a run killed in between leaves only orphan chunks (invisible to the
   * index; removed by TTL when retention is set), never a half item.
   */
  public boolean remove(Map<String, AttributeValue> item, String token) {
    try {
      dynamo.deleteItem(
          r ->
              r.tableName(tableName)
                  .key(key(text(item, "requestId")))
                  .conditionExpression("replayToken = :token")
                  .expressionAttributeValues(Map.of(":token", s(token))));
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
    for (String chunkKey : StoredPayload.chunkKeys(item)) {
      dynamo.deleteItem(r -> r.tableName(tableName).key(key(chunkKey)));
    }
    return true;
  }

  /**
   * Lambda certainly did not accept it: count the attempt, keep the error, make it eligible again.
   */
  public void release(String requestId, String token, String error) {
    recordAttempt(requestId, token, error, " REMOVE replayState, replayToken, replayStartedAt");
  }

  /**
   * Lambda may have accepted it: count the attempt, keep the error, leave it in flight so later
   * runs skip it.
   */
  public void keepInFlight(String requestId, String token, String error) {
    recordAttempt(requestId, token, error, "");
  }

  private void recordAttempt(String requestId, String token, String error, String remove) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":token", s(token));
    values.put(":error", s(truncate(error)));
    values.put(":now", s(Instant.now().toString()));
    values.put(":one", AttributeValue.fromN("1"));
    try {
      dynamo.updateItem(
          r ->
              r.tableName(tableName)
                  .key(key(requestId))
                  .updateExpression(
                      "SET lastReplayError = :error, lastReplayAt = :now ADD replayAttempts :one"
                          + remove)
                  .conditionExpression("replayToken = :token")
                  .expressionAttributeValues(values));
    } catch (ConditionalCheckFailedException e) {
      // Already recorded by a retried call, or another run took the item over: its record wins.
    }
  }

  private QueryRequest.Builder query(Instant from, Instant to) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":fn", s(functionName));
    String condition = "functionName = :fn";
    // arrivalKey = <13-digit millis>#<requestId>: "<from>" sorts before every key of that milli,
    // and
    // "<to - 1>$" after every key of the last milli before `to` ('$' follows '#').
    if (from != null && to != null) {
      condition += " AND arrivalKey BETWEEN :lo AND :hi";
    } else if (from != null) {
      condition += " AND arrivalKey >= :lo";
    } else if (to != null) {
      condition += " AND arrivalKey <= :hi";
    }
    if (from != null) {
      values.put(":lo", s(String.format("%013d", from.toEpochMilli())));
    }
    if (to != null) {
      values.put(":hi", s(String.format("%013d$", to.toEpochMilli() - 1)));
    }
    return QueryRequest.builder()
        .tableName(tableName)
        .indexName(INDEX)
        .keyConditionExpression(condition)
        .expressionAttributeValues(values);
  }

  static DeferredInvocation describe(Map<String, AttributeValue> item) {
    String arrivedAt = text(item, "arrivedAt");
    return new DeferredInvocation(
        text(item, "requestId"),
        text(item, "arrivalKey"),
        arrivedAt == null ? null : Instant.parse(arrivedAt),
        number(item, "payloadSize", -1),
        number(item, "replayAttempts", 0),
        text(item, "lastReplayError"),
        IN_FLIGHT.equals(text(item, "replayState")));
  }

  public static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  private static long number(Map<String, AttributeValue> item, String name, long absent) {
    AttributeValue value = item.get(name);
    return value == null || value.n() == null ? absent : Long.parseLong(value.n());
  }

  private Map<String, AttributeValue> key(String requestId) {
    return Map.of("functionName", s(functionName), "requestId", s(requestId));
  }

  private static String truncate(String error) {
    String text = error == null || error.isEmpty() ? "(no detail)" : error;
    return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS - 1) + "…";
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
