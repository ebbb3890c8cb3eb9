package io.github.lambdamw.agent.internal.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AwsErrorTest {

  @Test
  void theQualifiedTypeIsShortened_andTheMessageKept() {
    AwsError error =
        AwsError.of(
            new JsonCall.Response(
                400,
                "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\","
                    + "\"message\":\"Requested resource not found\"}"));

    assertThat(error.type()).isEqualTo("ResourceNotFoundException");
    assertThat(error)
        .hasToString("HTTP 400 ResourceNotFoundException: Requested resource not found");
  }

  @Test
  void throttlingAndServerFaults_areRetried_refusalsAreNot() {
    assertThat(error(400, "ThrottlingException").retryable()).as("SSM's throttle").isTrue();
    assertThat(error(400, "ProvisionedThroughputExceededException").retryable()).isTrue();
    assertThat(error(400, "ThrottlingException").retryable()).isTrue();
    assertThat(error(400, "RequestLimitExceeded").retryable()).isTrue();
    assertThat(error(500, "InternalServerError").retryable()).isTrue();
    assertThat(error(503, "ServiceUnavailable").retryable()).isTrue();
    assertThat(error(429, "TooManyRequestsException").retryable()).isTrue();

    assertThat(error(400, "ValidationException").retryable()).isFalse();
    assertThat(error(400, "AccessDeniedException").retryable()).isFalse();
    assertThat(error(400, "ConditionalCheckFailedException").retryable()).isFalse();
  }

  @Test
  void throttling_isToldApartFromServerFaults_asTheSdkTellsThem() {
    assertThat(error(400, "ThrottlingException").throttling())
        .as("SSM: HTTP 400, not 429")
        .isTrue();
    assertThat(error(429, "UnknownError").throttling()).isTrue();
    assertThat(error(400, "ProvisionedThroughputExceededException").throttling()).isTrue();
    assertThat(error(500, "InternalServerError").throttling()).isFalse();
    assertThat(error(400, "ParameterNotFound").throttling()).isFalse();
  }

  @Test
  void anAnswerThatIsNotAwsJson_isReportedWithItsStatus_andItsBodyAbbreviated() {
    AwsError error =
        AwsError.of(new JsonCall.Response(502, "<html>" + "x".repeat(500) + "</html>"));

    assertThat(error.type()).isEqualTo("UnknownError");
    assertThat(error.toString()).startsWith("HTTP 502 UnknownError: <html>");
    assertThat(error.retryable()).isTrue();
    assertThat(error.message()).startsWith("<html>").hasSizeLessThan(210);
  }

  @Test
  void anAnswerWithANumberBeyondADecimal_isAnUnknownError_notANumberFormatException() {
    AwsError error = AwsError.of(new JsonCall.Response(500, "{\"__type\":1e9999999999}"));

    assertThat(error.type()).isEqualTo("UnknownError");
    assertThat(error.message()).isEqualTo("{\"__type\":1e9999999999}");
    assertThat(error.retryable()).isTrue();
  }

  private static AwsError error(int status, String type) {
    return AwsError.of(
        new JsonCall.Response(status, "{\"__type\":\"x#" + type + "\",\"Message\":\"m\"}"));
  }
}
