package io.github.lambdamw.harness.ssm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.ParameterAlreadyExistsException;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.SsmException;

/** The SDK's SsmClient against LocalSsm. */
class LocalSsmTest {

  private static LocalSsm ssm;
  private static SsmClient client;
  private static SsmClient clientWithoutRetries;

  @BeforeAll
  static void start() {
    ssm = LocalSsm.start();
    client = client(RetryMode.STANDARD);
    clientWithoutRetries =
        SsmClient.builder()
            .endpointOverride(ssm.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(credentials())
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
            .build();
  }

  private static SsmClient client(RetryMode mode) {
    return SsmClient.builder()
        .endpointOverride(ssm.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials())
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(c -> c.retryStrategy(mode))
        .build();
  }

  private static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret"));
  }

  @AfterAll
  static void stop() {
    client.close();
    clientWithoutRetries.close();
    ssm.close();
  }

  @BeforeEach
  void clearFaults() {
    ssm.resetFaults();
  }

  @Test
  void aPutStringList_isReadBackWithTypeVersionAndDate() {
    Instant before = Instant.now().minusSeconds(1);

    long version =
        client
            .putParameter(
                b ->
                    b.name("maintenance-window")
                        .type(ParameterType.STRING_LIST)
                        .value("2026-12-01T02:00:00Z,2026-12-01T06:00:00Z"))
            .version();
    GetParameterResponse read = client.getParameter(b -> b.name("maintenance-window"));

    assertThat(version).isEqualTo(1);
    assertThat(read.parameter().value()).isEqualTo("2026-12-01T02:00:00Z,2026-12-01T06:00:00Z");
    assertThat(read.parameter().type()).isEqualTo(ParameterType.STRING_LIST);
    assertThat(read.parameter().version()).isEqualTo(1);
    assertThat(read.parameter().lastModifiedDate()).isAfter(before);
    assertThat(read.parameter().arn())
        .isEqualTo("arn:aws:ssm:us-east-1:123456789012:parameter/maintenance-window");
  }

  @Test
  void anOverwrite_bumpsTheVersion_andWithoutOverwriteTheParameterAlreadyExists() {
    client.putParameter(b -> b.name("/app/window").type(ParameterType.STRING).value("one"));

    assertThatThrownBy(
            () ->
                client.putParameter(
                    b -> b.name("/app/window").type(ParameterType.STRING).value("two")))
        .isInstanceOf(ParameterAlreadyExistsException.class);
    long version =
        client
            .putParameter(
                b -> b.name("/app/window").type(ParameterType.STRING).value("two").overwrite(true))
            .version();

    assertThat(version).isEqualTo(2);
    assertThat(client.getParameter(b -> b.name("/app/window")).parameter().value())
        .isEqualTo("two");
    assertThat(ssm.get("/app/window").version()).isEqualTo(2);
  }

  @Test
  void aMissingParameter_isParameterNotFound() {
    assertThatThrownBy(() -> client.getParameter(b -> b.name("no-such-parameter")))
        .isInstanceOf(ParameterNotFoundException.class);
    assertThatThrownBy(() -> client.deleteParameter(b -> b.name("no-such-parameter")))
        .isInstanceOf(ParameterNotFoundException.class);
  }

  @Test
  void getParameters_separatesFoundFromInvalid() {
    ssm.put("found", "yes");

    GetParametersResponse response = client.getParameters(b -> b.names("found", "missing"));

    assertThat(response.parameters())
        .singleElement()
        .satisfies(p -> assertThat(p.value()).isEqualTo("yes"));
    assertThat(response.invalidParameters()).containsExactly("missing");
  }

  @Test
  void aDeletedParameter_isGone() {
    ssm.putStringList("to-delete", List.of("a", "b"));

    client.deleteParameter(b -> b.name("to-delete"));

    assertThat(ssm.get("to-delete")).isNull();
  }

  @Test
  void aCreateWithoutType_isAValidationException() {
    assertThatThrownBy(() -> client.putParameter(b -> b.name("untyped").value("v")))
        .isInstanceOfSatisfying(
            SsmException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
  }

  @Test
  void aThrottledCall_isRetriedByTheSdk() {
    ssm.put("throttled", "value");
    ssm.throttleNext(1);

    String value = client.getParameter(b -> b.name("throttled")).parameter().value();

    assertThat(value).isEqualTo("value");
    assertThat(ssm.calls("GetParameter")).isEqualTo(2);
  }

  @Test
  void throttling_surfacesAsThrottlingException_whenRetriesAreOff() {
    ssm.put("throttled", "value");
    ssm.throttleNext(1);

    assertThatThrownBy(() -> clientWithoutRetries.getParameter(b -> b.name("throttled")))
        .isInstanceOfSatisfying(
            SsmException.class,
            e -> {
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
              assertThat(e.statusCode()).isEqualTo(400);
            });
    assertThat(clientWithoutRetries.getParameter(b -> b.name("throttled")).parameter().value())
        .isEqualTo("value");
  }

  @Test
  void failAllCalls_failsEveryCall_untilTurnedOff() {
    ssm.put("failing", "value");
    ssm.failAllCalls(true);

    assertThatThrownBy(() -> clientWithoutRetries.getParameter(b -> b.name("failing")))
        .isInstanceOfSatisfying(SsmException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
    ssm.failAllCalls(false);
    assertThat(clientWithoutRetries.getParameter(b -> b.name("failing")).parameter().value())
        .isEqualTo("value");
  }

  @Test
  void aDelay_holdsEachAnswer() {
    ssm.put("slow", "value");
    ssm.delayEachCall(Duration.ofMillis(300));

    long start = System.nanoTime();
    clientWithoutRetries.getParameter(b -> b.name("slow"));

    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }
}
