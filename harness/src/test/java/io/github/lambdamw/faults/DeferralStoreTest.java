package io.github.lambdamw.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lambdamw.agent.MaintenanceWindowDeferralException;
import io.github.lambdamw.agent.internal.AgentConfig;
import io.github.lambdamw.agent.internal.defer.DynamoDbDeferralStore;
import io.github.lambdamw.agent.internal.invocation.Invocation;
import io.github.lambdamw.harness.dynamodb.DeferralTable;
import io.github.lambdamw.harness.dynamodb.DynamoDbFaultProxy;
import io.github.lambdamw.harness.dynamodb.Dynoxide;
import io.github.lambdamw.window.WindowStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The agent's store against dynoxide, without a function around it: what the SDK's {@code
 * DynamoDbClient} reads back is what the agent's hand-made {@code PutItem} wrote, and DynamoDB's
 * answers (duplicate, missing table, throttling) turn into what the deferral contract promises.
 */
class DeferralStoreTest {
  private static final String TABLE = "deferred";
  private static final WindowStatus WINDOW =
      WindowStatus.open(
          Instant.parse("2026-12-01T02:00:00Z"),
          Instant.parse("2026-12-01T04:00:00Z"),
          Instant.parse("2026-12-01T04:00:00Z"),
          "kernel \"upgrade\" ✓",
          "2026-12-01T02:00:00Z/<2026-12-01T04:00:00Z");

  private static Dynoxide dynoxide;
  private static DynamoDbFaultProxy proxy;
  private static DynamoDbClient reader;

  @BeforeAll
  static void start() {
    dynoxide = Dynoxide.start();
    proxy = DynamoDbFaultProxy.start(dynoxide.endpoint());
    reader =
        DynamoDbClient.builder()
            .endpointOverride(dynoxide.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    DeferralTable.create(reader, TABLE);
  }

  @AfterAll
  static void stop() {
    reader.close();
    proxy.close();
    dynoxide.close();
  }

  private static DynamoDbDeferralStore store(String table, String endpoint) {
    Map<String, String> env = new HashMap<>();
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_ACCESS_KEY_ID", "AKIDTEST");
    env.put("AWS_SECRET_ACCESS_KEY", "secret");
    env.put("AWS_SESSION_TOKEN", "token");
    env.put("AWS_LAMBDA_FUNCTION_NAME", "fn");
    env.put("AWS_ENDPOINT_URL_DYNAMODB", endpoint);
    env.put(AgentConfig.TABLE, table);
    env.put(AgentConfig.RETENTION_DAYS, "3");
    return new DynamoDbDeferralStore(AgentConfig.from(env), env);
  }

  private static Invocation invocation(String requestId, byte[] payload) {
    return new Invocation(
        requestId,
        "arn:aws:lambda:us-east-1:123456789012:function:fn",
        System.currentTimeMillis() + 3_000,
        "Root=1-5759e988-bd862e3fe1be46a994272793",
        "{\"custom\":{\"k\":\"v\\u00e9\"}}",
        null,
        "tenant-1",
        payload);
  }

  @Test
  void anItemWritten_isReadBackByTheSdk_attributeForAttribute() {
    byte[] payload =
        "{\"source\":\"aws.events\",\"detail\":{\"é\":\"\\n\"}}".getBytes(StandardCharsets.UTF_8);
    Instant arrivedAt = Instant.ofEpochMilli(System.currentTimeMillis());

    boolean stored =
        store(TABLE, dynoxide.endpoint().toString())
            .store(invocation("wire-1", payload), WINDOW, arrivedAt);

    assertThat(stored).isTrue();
    Map<String, AttributeValue> item = item("wire-1");
    assertThat(item.get("payload").b().asByteArray()).isEqualTo(payload);
    assertThat(item.get("arrivalKey").s())
        .isEqualTo(String.format("%013d#wire-1", arrivedAt.toEpochMilli()));
    assertThat(item.get("arrivedAt").s()).isEqualTo(arrivedAt.toString());
    assertThat(item.get("clientContext").s()).isEqualTo("{\"custom\":{\"k\":\"v\\u00e9\"}}");
    assertThat(item.get("windowReason").s()).isEqualTo("kernel \"upgrade\" ✓");
    assertThat(item.get("tenantId").s()).isEqualTo("tenant-1");
    assertThat(item.get("payloadSize").n()).isEqualTo(Integer.toString(payload.length));
    assertThat(item.get("expiresAt").n())
        .isEqualTo(Long.toString(arrivedAt.getEpochSecond() + 3 * 86_400));
    assertThat(item).doesNotContainKey("cognitoIdentity");
  }

  @Test
  void theSameRequestIdTwice_isStoredOnce_andTheSecondSaysSo() {
    DynamoDbDeferralStore store = store(TABLE, dynoxide.endpoint().toString());
    Instant first = Instant.now();

    assertThat(store.store(invocation("twice", new byte[] {1}), WINDOW, first)).isTrue();
    assertThat(store.store(invocation("twice", new byte[] {2}), WINDOW, first.plusSeconds(1)))
        .isFalse();

    assertThat(item("twice").get("payload").b().asByteArray()).containsExactly(1);
  }

  @Test
  void aMissingTable_isNamedInTheFailure() {
    DynamoDbDeferralStore store = store("no-such-table", dynoxide.endpoint().toString());

    assertThatThrownBy(() -> store.store(invocation("lost", new byte[] {1}), WINDOW, Instant.now()))
        .isInstanceOf(MaintenanceWindowDeferralException.class)
        .hasMessageContaining(
            "invocation lost arrived during a maintenance window but was not stored")
        .hasMessageContaining("table 'no-such-table' does not exist");
  }

  @Test
  void throttledTwice_isRetriedAndStored_throttledAlways_failsNamingTheThrottle() {
    DynamoDbDeferralStore store = store(TABLE, proxy.endpoint().toString());
    try {
      proxy.throttleNext(2);
      assertThat(store.store(invocation("throttled-twice", new byte[] {7}), WINDOW, Instant.now()))
          .isTrue();
      assertThat(item("throttled-twice")).isNotNull();

      proxy.clearFaults().throttleAll(true);
      assertThatThrownBy(
              () -> store.store(invocation("throttled", new byte[] {8}), WINDOW, Instant.now()))
          .isInstanceOf(MaintenanceWindowDeferralException.class)
          .hasMessageContaining("ProvisionedThroughputExceededException")
          .hasMessageContaining("after 3 attempts");
      assertThat(item("throttled")).isNull();
    } finally {
      proxy.clearFaults();
    }
  }

  @Test
  void anEventTooLargeForOneItem_isChunked_andTheChunksJoinToTheEvent() {
    byte[] payload = new byte[900 * 1024];
    new java.util.Random(5).nextBytes(payload);

    assertThat(
            store(TABLE, dynoxide.endpoint().toString())
                .store(invocation("big", payload), WINDOW, Instant.now()))
        .isTrue();

    assertThat(item("big").get("payloadChunks").n()).isEqualTo("3");
    java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
    for (String chunk : List.of("big#chunk#0000", "big#chunk#0001", "big#chunk#0002")) {
      joined.writeBytes(item(chunk).get("payload").b().asByteArray());
    }
    assertThat(joined.toByteArray()).isEqualTo(payload);
  }

  private static Map<String, AttributeValue> item(String requestId) {
    Map<String, AttributeValue> item =
        reader
            .getItem(
                b ->
                    b.tableName(TABLE)
                        .consistentRead(true)
                        .key(
                            Map.of(
                                "functionName",
                                AttributeValue.fromS("fn"),
                                "requestId",
                                AttributeValue.fromS(requestId))))
            .item();
    return item == null || item.isEmpty() ? null : item;
  }
}
