package io.github.lambdamw.benchmarks;

import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The yardstick for deferral throughput, run in its own JVM with Lambda's flags: a plain SDK {@code
 * DynamoDbClient} (url-connection HTTP client, as the agent's) copies an item the agent stored and
 * puts it again under new request ids, with the agent's condition {@code
 * attribute_not_exists(requestId)}, one call after the other.
 *
 * <p>{@code --endpoint <url> --table <name> --function <name> --request-id <id> --warmup 200
 * --count 2000}; prints {@code puts_per_second=<x> item_bytes=<n>}.
 */
public final class BarePutItem {
  private BarePutItem() {}

  public static void main(String[] argv) {
    Args args = new Args(argv);
    String table = args.text("table", LocalAws.TABLE);
    try (DynamoDbClient client =
        DynamoDbClient.builder()
            .endpointOverride(URI.create(args.text("endpoint", "")))
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDBENCH", "secret")))
            .httpClient(UrlConnectionHttpClient.create())
            .build()) {
      String requestId = args.text("request-id", "");
      Map<String, AttributeValue> stored =
          client
              .getItem(
                  b ->
                      b.tableName(table)
                          .consistentRead(true)
                          .key(
                              Map.of(
                                  "functionName", AttributeValue.fromS(args.text("function", "")),
                                  "requestId", AttributeValue.fromS(requestId))))
              .item();
      if (stored == null || stored.isEmpty()) {
        throw new IllegalStateException("no stored item for request " + requestId);
      }
      int warmup = args.number("warmup", 200);
      int count = args.number("count", 2_000);
      for (int i = 0; i < warmup; i++) {
        put(client, table, stored, requestId);
      }
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        put(client, table, stored, requestId);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          Locale.ROOT, "puts_per_second=%.1f item_bytes=%d%n", count / seconds, size(stored));
    }
  }

  private static void put(
      DynamoDbClient client, String table, Map<String, AttributeValue> stored, String oldId) {
    String newId = UUID.randomUUID().toString();
    Map<String, AttributeValue> item = new HashMap<>(stored);
    item.put("requestId", AttributeValue.fromS(newId));
    item.put(
        "arrivalKey", AttributeValue.fromS(stored.get("arrivalKey").s().replace(oldId, newId)));
    client.putItem(
        b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(requestId)"));
  }

  /** DynamoDB's item size, roughly: names plus string, number and binary values. */
  static int size(Map<String, AttributeValue> item) {
    int bytes = 0;
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      AttributeValue v = e.getValue();
      bytes += e.getKey().length();
      if (v.s() != null) {
        bytes += v.s().length();
      } else if (v.n() != null) {
        bytes += v.n().length();
      } else if (v.b() != null) {
        bytes += v.b().asByteArray().length;
      }
    }
    return bytes;
  }
}
