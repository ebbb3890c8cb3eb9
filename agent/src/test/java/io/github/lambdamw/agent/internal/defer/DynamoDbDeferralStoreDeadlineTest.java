package io.github.lambdamw.agent.internal.defer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lambdamw.agent.MaintenanceWindowDeferralException;
import io.github.lambdamw.agent.internal.AgentConfig;
import io.github.lambdamw.agent.internal.http.DrippingServer;
import io.github.lambdamw.agent.internal.invocation.Invocation;
import io.github.lambdamw.agent.internal.invocation.TestInvocations;
import io.github.lambdamw.window.WindowStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A deferral never outlives its invocation: a DynamoDB endpoint dripping its answer one byte every
 * 200 ms does not hold {@code PutItem} past the invocation's deadline, and the invocation fails
 * with the documented exception in time for the runtime to report it.
 */
class DynamoDbDeferralStoreDeadlineTest {
  private static final long REMAINING_MILLIS = 1_500;

  @Test
  void aDrippingEndpoint_failsTheDeferral_beforeTheInvocationsDeadline() throws Exception {
    try (DrippingServer dynamodb = DrippingServer.answering("{}", 200)) {
      Map<String, String> env =
          Map.of(
              "AWS_REGION", "eu-west-3",
              "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
              "AWS_SECRET_ACCESS_KEY", "secret",
              "AWS_ENDPOINT_URL_DYNAMODB", dynamodb.endpoint().toString(),
              "AWS_LAMBDA_FUNCTION_NAME", "dripping");
      DynamoDbDeferralStore store = new DynamoDbDeferralStore(AgentConfig.from(env), env);
      Instant arrived = Instant.now();
      Invocation invocation =
          TestInvocations.due(
              "request-1",
              arrived.toEpochMilli() + REMAINING_MILLIS,
              "{\"event\":1}".getBytes(StandardCharsets.UTF_8));
      Instant end = arrived.plusSeconds(3600);
      WindowStatus window = WindowStatus.open(arrived, end, end, null, null);

      assertThatThrownBy(() -> store.store(invocation, window, arrived))
          .isInstanceOf(MaintenanceWindowDeferralException.class)
          .hasMessageContaining("request-1");

      // The whole answer would take 8 s; the store gives up before the invocation's deadline.
      assertThat(Instant.now()).isBefore(arrived.plusMillis(REMAINING_MILLIS));
      assertThat(dynamodb.requests()).isGreaterThanOrEqualTo(1);
    }
  }
}
