package io.github.lambdamw.fidelity;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Reads deferred invocations back the way docs/contracts.md says a reader must: the main item, then
 * its chunk items concatenated in index order, then {@code payloadEncoding} undone.
 */
public final class StoredItems {
  private final DynamoDbClient dynamoDb;
  private final String table;

  public StoredItems(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  /** The main item of a request, or null. */
  public Map<String, AttributeValue> item(String functionName, String requestId) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(
                b ->
                    b.tableName(table)
                        .consistentRead(true)
                        .key(
                            Map.of(
                                "functionName", AttributeValue.fromS(functionName),
                                "requestId", AttributeValue.fromS(requestId))))
            .item();
    return item == null || item.isEmpty() ? null : item;
  }

  /** The raw event bytes of a stored request, reassembled and decoded. */
  public byte[] payload(String functionName, String requestId) {
    Map<String, AttributeValue> item = item(functionName, requestId);
    if (item == null) {
      throw new IllegalStateException("no item for " + requestId);
    }
    byte[] stored;
    if (item.containsKey("payloadChunks")) {
      int chunks = Integer.parseInt(item.get("payloadChunks").n());
      ByteArrayOutputStream joined = new ByteArrayOutputStream();
      for (int i = 0; i < chunks; i++) {
        Map<String, AttributeValue> chunk =
            item(functionName, String.format("%s#chunk#%04d", requestId, i));
        if (chunk == null) {
          throw new IllegalStateException("chunk " + i + " of " + requestId + " is missing");
        }
        joined.writeBytes(chunk.get("payload").b().asByteArray());
      }
      stored = joined.toByteArray();
    } else {
      stored = item.get("payload").b().asByteArray();
    }
    String encoding = item.get("payloadEncoding").s();
    byte[] raw =
        switch (encoding) {
          case "identity" -> stored;
          case "gzip" -> gunzip(stored);
          default -> throw new IllegalStateException("unknown payloadEncoding " + encoding);
        };
    int size = Integer.parseInt(item.get("payloadSize").n());
    if (raw.length != size) {
      throw new IllegalStateException(
          "payloadSize says " + size + " but " + raw.length + " bytes came back");
    }
    return raw;
  }

  /** Request ids of the main items of a function (chunk items left out), in key order. */
  public List<String> requestIds(String functionName) {
    return keys(functionName, false);
  }

  /** Sort keys of the chunk items of a function. */
  public List<String> chunkKeys(String functionName) {
    return keys(functionName, true);
  }

  private List<String> keys(String functionName, boolean chunks) {
    List<String> ids = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      QueryRequest.Builder request =
          QueryRequest.builder()
              .tableName(table)
              .consistentRead(true)
              .keyConditionExpression("functionName = :f")
              .expressionAttributeValues(Map.of(":f", AttributeValue.fromS(functionName)))
              .projectionExpression("requestId");
      if (start != null) {
        request.exclusiveStartKey(start);
      }
      QueryResponse response = dynamoDb.query(request.build());
      for (Map<String, AttributeValue> item : response.items()) {
        String id = item.get("requestId").s();
        if (id.contains("#chunk#") == chunks) {
          ids.add(id);
        }
      }
      start = response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null;
    } while (start != null && !start.isEmpty());
    return ids;
  }

  private static byte[] gunzip(byte[] bytes) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
