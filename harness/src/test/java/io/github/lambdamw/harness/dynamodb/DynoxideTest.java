package io.github.lambdamw.harness.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** dynoxide started by the harness, with the deferral table, through the SDK's DynamoDbClient. */
class DynoxideTest {

  private static DynamoDbClient client(Dynoxide dynoxide) {
    return DynamoDbClient.builder()
        .endpointOverride(dynoxide.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
        .build();
  }

  private static Map<String, AttributeValue> item(String requestId) {
    return Map.of(
        "functionName", AttributeValue.fromS("fn"),
        "requestId", AttributeValue.fromS(requestId),
        "arrivalKey", AttributeValue.fromS("1764201600000#" + requestId),
        "payload", AttributeValue.fromB(SdkBytes.fromUtf8String("{}")));
  }

  private static Map<String, AttributeValue> key(String requestId) {
    return Map.of(
        "functionName", AttributeValue.fromS("fn"), "requestId", AttributeValue.fromS(requestId));
  }

  @Test
  void theDeferralTable_hasTheContractsKeysAndIndex_andStoresItems() {
    try (Dynoxide dynoxide = Dynoxide.start();
        DynamoDbClient dynamoDb = client(dynoxide)) {
      DeferralTable.create(dynamoDb, "deferred");

      TableDescription table = dynamoDb.describeTable(b -> b.tableName("deferred")).table();
      assertThat(table.keySchema())
          .extracting(k -> k.attributeName() + ":" + k.keyTypeAsString())
          .containsExactly("functionName:HASH", "requestId:RANGE");
      assertThat(table.globalSecondaryIndexes())
          .singleElement()
          .satisfies(
              index -> {
                assertThat(index.indexName()).isEqualTo("byArrival");
                assertThat(index.keySchema())
                    .extracting(k -> k.attributeName() + ":" + k.keyTypeAsString())
                    .containsExactly("functionName:HASH", "arrivalKey:RANGE");
                assertThat(index.projection().projectionType()).isEqualTo(ProjectionType.ALL);
                assertThat(index.indexStatus()).isIn(IndexStatus.ACTIVE, null);
              });
      assertThat(table.billingModeSummary().billingModeAsString()).isEqualTo("PAY_PER_REQUEST");

      dynamoDb.putItem(b -> b.tableName("deferred").item(item("r1")));
      assertThat(dynamoDb.getItem(b -> b.tableName("deferred").key(key("r1"))).item())
          .containsEntry("arrivalKey", AttributeValue.fromS("1764201600000#r1"));
      assertThatThrownBy(
              () ->
                  dynamoDb.putItem(
                      b ->
                          b.tableName("deferred")
                              .item(item("r1"))
                              .conditionExpression("attribute_not_exists(requestId)")))
          .isInstanceOf(ConditionalCheckFailedException.class);
    }
  }

  @Test
  void aStoppedDynoxide_refusesConnections_andARestartKeepsTheData() {
    try (Dynoxide dynoxide = Dynoxide.start();
        DynamoDbClient dynamoDb = client(dynoxide)) {
      DeferralTable.create(dynamoDb, "deferred");
      dynamoDb.putItem(b -> b.tableName("deferred").item(item("kept")));
      int port = dynoxide.port();

      dynoxide.stop();
      assertThat(dynoxide.isRunning()).isFalse();
      assertThatThrownBy(() -> dynamoDb.getItem(b -> b.tableName("deferred").key(key("kept"))))
          .isInstanceOf(SdkClientException.class);
      dynoxide.restart();

      assertThat(dynoxide.port()).isEqualTo(port);
      assertThat(dynamoDb.getItem(b -> b.tableName("deferred").key(key("kept"))).item())
          .containsKey("payload");
    }
  }

  @Test
  void anInMemoryDynoxide_startsEmptyAfterARestart() {
    try (Dynoxide dynoxide = Dynoxide.builder().inMemory().start();
        DynamoDbClient dynamoDb = client(dynoxide)) {
      DeferralTable.create(dynamoDb, "deferred");

      dynoxide.restart();

      assertThat(dynamoDb.listTables().tableNames()).isEmpty();
    }
  }
}
