package io.github.lambdamw.replay;

import io.github.lambdamw.agent.internal.defer.AgentItems;
import io.github.lambdamw.agent.internal.invocation.Invocation;
import io.github.lambdamw.window.WindowStatus;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The table of docs/contracts.md, and items written exactly as the agent writes them (its own item
 * builder, the same conditional put). Stands in for the harness's {@code DeferralTable.create}
 * until the harness is on main.
 */
final class DeferredTableFixture {
  private final DynamoDbClient dynamo;
  private final String tableName;

  private DeferredTableFixture(DynamoDbClient dynamo, String tableName) {
    this.dynamo = dynamo;
    this.tableName = tableName;
  }

  static DeferredTableFixture create(DynamoDbClient dynamo, String tableName) {
    dynamo.createTable(
        r ->
            r.tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                    attribute("functionName"), attribute("requestId"), attribute("arrivalKey"))
                .keySchema(key("functionName", KeyType.HASH), key("requestId", KeyType.RANGE))
                .globalSecondaryIndexes(
                    GlobalSecondaryIndex.builder()
                        .indexName("byArrival")
                        .keySchema(
                            key("functionName", KeyType.HASH), key("arrivalKey", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL))
                        .build()));
    return new DeferredTableFixture(dynamo, tableName);
  }

  String tableName() {
    return tableName;
  }

  /**
   * Stores one deferred invocation as the agent does while the window below is open: chunks first,
   * then the item.
   */
  void defer(
      String functionName,
      String requestId,
      byte[] payload,
      Instant arrivedAt,
      String clientContext) {
    Invocation invocation =
        new Invocation(
            requestId,
            "arn:aws:lambda:us-east-1:123456789012:function:" + functionName,
            arrivedAt.toEpochMilli() + 30_000,
            "Root=1-5759e988-bd862e3fe1be46a994272793",
            clientContext,
            null,
            null,
            payload);
    WindowStatus window =
        WindowStatus.open(
            arrivedAt.minusSeconds(60),
            arrivedAt.plusSeconds(3600),
            arrivedAt.plusSeconds(3600),
            null,
            "test window");
    var items = AgentItems.items(functionName, invocation, window, arrivedAt);
    for (int i = 0; i < items.size(); i++) {
      Map<String, AttributeValue> item = items.get(i);
      boolean main = i == items.size() - 1;
      dynamo.putItem(
          r ->
              r.tableName(tableName)
                  .item(item)
                  .conditionExpression(main ? "attribute_not_exists(requestId)" : null));
    }
  }

  Map<String, AttributeValue> get(String functionName, String requestId) {
    var response =
        dynamo.getItem(
            r ->
                r.tableName(tableName)
                    .consistentRead(true)
                    .key(
                        Map.of(
                            "functionName", AttributeValue.fromS(functionName),
                            "requestId", AttributeValue.fromS(requestId))));
    return response.hasItem() ? response.item() : null;
  }

  void update(
      String functionName,
      String requestId,
      String expression,
      Map<String, AttributeValue> values) {
    dynamo.updateItem(
        r ->
            r.tableName(tableName)
                .key(
                    Map.of(
                        "functionName", AttributeValue.fromS(functionName),
                        "requestId", AttributeValue.fromS(requestId)))
                .updateExpression(expression)
                .expressionAttributeValues(values));
  }

  long count() {
    return dynamo.scan(r -> r.tableName(tableName)).count();
  }

  private static AttributeDefinition attribute(String name) {
    return AttributeDefinition.builder()
        .attributeName(name)
        .attributeType(ScalarAttributeType.S)
        .build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }
}
