package io.github.lambdamw.agent.internal.defer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdamw.agent.internal.aws.JsonCall;
import org.junit.jupiter.api.Test;

class DynamoDbErrorTest {

  @Test
  void theQualifiedTypeIsShortened_andTheMessageKept() {
    DynamoDbError error =
        DynamoDbError.of(
            new JsonCall.Response(
                400,
                "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\","
                    + "\"message\":\"Requested resource not found\"}"));

    assertThat(error.type()).isEqualTo("ResourceNotFoundException");
    assertThat(error).hasToString("ResourceNotFoundException: Requested resource not found");
  }

  @Test
  void throttlingAndServerFaults_areRetried_refusalsAreNot() {
    assertThat(error(400, "ProvisionedThroughputExceededException").retryable()).isTrue();
    assertThat(error(400, "ThrottlingException").retryable()).isTrue();
    assertThat(error(400, "RequestLimitExceeded").retryable()).isTrue();
    assertThat(error(500, "InternalServerError").retryable()).isTrue();
    assertThat(error(503, "ServiceUnavailable").retryable()).isTrue();

    assertThat(error(400, "ValidationException").retryable()).isFalse();
    assertThat(error(400, "AccessDeniedException").retryable()).isFalse();
    assertThat(error(400, "ConditionalCheckFailedException").retryable()).isFalse();
  }

  @Test
  void anAnswerThatIsNotDynamoDbJson_isNamedByItsStatus_withItsBodyAbbreviated() {
    DynamoDbError error = DynamoDbError.of(new JsonCall.Response(502, "<html>" + "x".repeat(500) + "</html>"));

    assertThat(error.type()).isEqualTo("HTTP 502");
    assertThat(error.retryable()).isTrue();
    assertThat(error.message()).startsWith("<html>").hasSizeLessThan(210);
  }

  private static DynamoDbError error(int status, String type) {
    return DynamoDbError.of(new JsonCall.Response(status, "{\"__type\":\"x#" + type + "\",\"Message\":\"m\"}"));
  }
}
