package io.github.lambdamw.agent.internal.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonCallTest {

  @Test
  void lambdasEnvironment_isSignedWithTheJdkAlone() {
    AwsEnvironment environment =
        new AwsEnvironment(
            Map.of(
                "AWS_REGION",
                "eu-west-3",
                "AWS_ACCESS_KEY_ID",
                "AKID",
                "AWS_SECRET_ACCESS_KEY",
                "secret"));

    assertThat(JsonCall.forService(environment, JsonCall.Protocol.SSM, Duration.ofSeconds(1)))
        .isInstanceOf(SigV4JsonCall.class);
  }

  @Test
  void withoutCredentialsInTheEnvironment_theSdkChainsAreUsed() {
    AwsEnvironment environment = new AwsEnvironment(Map.of("AWS_REGION", "eu-west-3"));

    assertThat(JsonCall.forService(environment, JsonCall.Protocol.SSM, Duration.ofSeconds(1)))
        .isInstanceOf(SdkJsonCall.class);
  }

  @Test
  void endpoints_followTheSdkVariablesThenThePartition() {
    assertThat(
            new AwsEnvironment(Map.of("AWS_ENDPOINT_URL_SSM", "http://127.0.0.1:9"))
                .endpoint("ssm", "us-east-1"))
        .hasToString("http://127.0.0.1:9");
    assertThat(new AwsEnvironment(Map.of()).endpoint("ssm", "cn-north-1"))
        .hasToString("https://ssm.cn-north-1.amazonaws.com.cn");
    assertThat(
            new AwsEnvironment(Map.of("AWS_USE_FIPS_ENDPOINT", "true"))
                .endpoint("ssm", "us-gov-west-1"))
        .hasToString("https://ssm-fips.us-gov-west-1.amazonaws.com");
  }

  @Test
  void credentials_neverPrintTheirSecret() {
    AwsEnvironment.Credentials credentials =
        new AwsEnvironment.Credentials("AKID", "very-secret", "token");

    assertThat(credentials.toString()).doesNotContain("very-secret").doesNotContain("token");
  }
}
