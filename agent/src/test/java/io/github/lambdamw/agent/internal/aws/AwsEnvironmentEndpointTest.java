package io.github.lambdamw.agent.internal.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Endpoint variables: a malformed one is named with its value and why, never a bare
 * IllegalArgumentException.
 */
class AwsEnvironmentEndpointTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "localhost:8000|it is not an http:// or https:// URL",
        "ftp://127.0.0.1:21|it is not an http:// or https:// URL",
        "http//127.0.0.1:8000|it is not an http:// or https:// URL",
        "http://local host:8000|Illegal character in authority",
        "http://|Expected authority",
        "https:///path|it has no host name",
        "http://my_host:8000|it has no host name",
      })
  void aMalformedEndpoint_isNamedWithItsValueAndWhy(String value, String why) {
    AwsEnvironment environment = new AwsEnvironment(Map.of("AWS_ENDPOINT_URL_DYNAMODB", value));

    assertThat(environment.endpointProblem("dynamodb"))
        .startsWith("AWS_ENDPOINT_URL_DYNAMODB='" + value + "' is not a usable dynamodb endpoint (")
        .contains(why)
        .endsWith(
            "expected a URL like https://dynamodb.us-east-1.amazonaws.com or http://127.0.0.1:8000");
    assertThatThrownBy(() -> environment.endpoint("dynamodb", "us-east-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(environment.endpointProblem("dynamodb"));
    assertThat(environment.endpointProblem("ssm")).isNull();
  }

  @Test
  void theGlobalVariable_isNamedWhenItIsTheOneUsed() {
    AwsEnvironment environment = new AwsEnvironment(Map.of("AWS_ENDPOINT_URL", "localhost:4566"));

    assertThat(environment.endpointProblem("ssm"))
        .startsWith("AWS_ENDPOINT_URL='localhost:4566' is not a usable ssm");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:8000",
        "https://ssm.eu-west-1.amazonaws.com",
        "HTTP://[::1]:8000/",
        " http://localhost "
      })
  void aUsableEndpoint_hasNoProblem_andIsUsed(String value) {
    AwsEnvironment environment = new AwsEnvironment(Map.of("AWS_ENDPOINT_URL_SSM", value));

    assertThat(environment.endpointProblem("ssm")).isNull();
    assertThat(environment.endpoint("ssm", "eu-west-1")).isEqualTo(URI.create(value.strip()));
  }

  @Test
  void noVariable_meansThePublicEndpoint_andNoProblem() {
    AwsEnvironment environment = new AwsEnvironment(Map.of("AWS_ENDPOINT_URL_SSM", "  "));

    assertThat(environment.endpointProblem("ssm")).isNull();
    assertThat(environment.endpoint("ssm", "eu-west-1"))
        .hasToString("https://ssm.eu-west-1.amazonaws.com");
  }

  @Test
  void onlyAnEndpointConfiguredAsHttp_isCalledWithoutTls() {
    assertThat(new AwsEnvironment(Map.of()).usesTls("ssm")).isTrue();
    assertThat(
            new AwsEnvironment(Map.of("AWS_ENDPOINT_URL_SSM", " HTTP://127.0.0.1:8000"))
                .usesTls("ssm"))
        .isFalse();
    assertThat(
            new AwsEnvironment(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:8000")).usesTls("ssm"))
        .isFalse();
    assertThat(
            new AwsEnvironment(
                    Map.of(
                        "AWS_ENDPOINT_URL", "http://127.0.0.1:8000",
                        "AWS_ENDPOINT_URL_SSM", "https://ssm.example.com"))
                .usesTls("ssm"))
        .isTrue();
    assertThat(
            new AwsEnvironment(Map.of("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:8000"))
                .usesTls("ssm"))
        .isTrue();
  }
}
