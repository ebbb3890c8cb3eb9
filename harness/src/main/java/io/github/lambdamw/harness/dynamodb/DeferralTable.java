package io.github.lambdamw.harness.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The table of deferred invocations, with the schema of docs/contracts.md: key {@code functionName}
 * (S) + {@code requestId} (S), GSI {@code byArrival} on {@code functionName} + {@code arrivalKey}
 * (S) projecting all attributes, on-demand billing, and TTL on {@code expiresAt}.
 */
public final class DeferralTable {

  public static final String FUNCTION_NAME = "functionName";
  public static final String REQUEST_ID = "requestId";
  public static final String ARRIVAL_KEY = "arrivalKey";
  public static final String BY_ARRIVAL = "byArrival";
  public static final String EXPIRES_AT = "expiresAt";

  /** The table name the agent uses when MAINTENANCE_WINDOW_TABLE is not set. */
  public static final String DEFAULT_NAME = "maintenance-window-deferred";

  private DeferralTable() {}

  /** Creates the table and waits until it is active. */
  public static void create(DynamoDbClient dynamoDb, String tableName) {
    dynamoDb.createTable(
        b ->
            b.tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                    attribute(FUNCTION_NAME), attribute(REQUEST_ID), attribute(ARRIVAL_KEY))
                .keySchema(key(FUNCTION_NAME, KeyType.HASH), key(REQUEST_ID, KeyType.RANGE))
                .globalSecondaryIndexes(
                    GlobalSecondaryIndex.builder()
                        .indexName(BY_ARRIVAL)
                        .keySchema(
                            key(FUNCTION_NAME, KeyType.HASH), key(ARRIVAL_KEY, KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL))
                        .build()));
    dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(tableName));
    dynamoDb.updateTimeToLive(
        b ->
            b.tableName(tableName)
                .timeToLiveSpecification(t -> t.attributeName(EXPIRES_AT).enabled(true)));
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
