package io.github.lambdamw.harness.demo;

import io.github.lambdamw.harness.dynamodb.DeferralTable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads a function's deferred invocations back, as an operator would, from index byArrival. */
final class StoredInvocations {

  private StoredInvocations() {}

  /** The function's items in arrival order (chunk items are never in the index). */
  static List<StoredInvocation> read(DynamoDbClient dynamoDb, String table, String functionName) {
    List<StoredInvocation> stored = new ArrayList<>();
    dynamoDb
        .queryPaginator(
            q ->
                q.tableName(table)
                    .indexName(DeferralTable.BY_ARRIVAL)
                    .keyConditionExpression("#f = :f")
                    .expressionAttributeNames(Map.of("#f", DeferralTable.FUNCTION_NAME))
                    .expressionAttributeValues(Map.of(":f", AttributeValue.fromS(functionName))))
        .items()
        .forEach(item -> stored.add(of(item)));
    return stored;
  }

  private static StoredInvocation of(Map<String, AttributeValue> item) {
    return new StoredInvocation(
        item.get(DeferralTable.REQUEST_ID).s(),
        text(item, "arrivedAt"),
        item.containsKey("payloadSize") ? Long.parseLong(item.get("payloadSize").n()) : -1,
        payload(item));
  }

  /**
   * The raw event as text; null when it is in chunk items (events over 350 KiB, not the demo's).
   */
  private static String payload(Map<String, AttributeValue> item) {
    AttributeValue payload = item.get("payload");
    if (payload == null) {
      return null;
    }
    byte[] bytes = payload.b().asByteArray();
    if ("gzip".equals(text(item, "payloadEncoding"))) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
        bytes = in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException("the stored payload is not gzip", e);
      }
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }
}
