package io.github.lambdamw.agent.internal.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The JDK-only signer must produce exactly the SDK signer's headers for the requests the agent
 * sends.
 */
class SigV4Test {
  private static final Instant NOW = Instant.parse("2026-11-27T05:36:12.345Z");

  @ParameterizedTest(name = "{0} {1} with session token {2}")
  @CsvSource({
    "SSM, https://ssm.eu-west-3.amazonaws.com, true",
    "SSM, https://ssm.eu-west-3.amazonaws.com, false",
    "SSM, http://127.0.0.1:4583, true",
    "SSM, https://ssm-fips.us-gov-west-1.amazonaws.com:8443, false",
    "DYNAMODB, https://dynamodb.eu-west-3.amazonaws.com, true",
    "DYNAMODB, http://127.0.0.1:8000, false"
  })
  void signsExactlyAsTheSdkSigner(String service, String endpoint, boolean withToken) {
    JsonCall.Protocol protocol =
        "SSM".equals(service) ? JsonCall.Protocol.SSM : JsonCall.Protocol.DYNAMODB;
    String body = "{\"Name\":\"maintenance-window \\u00e9\"}";
    URI uri = URI.create(endpoint);
    String host = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    AwsEnvironment.Credentials credentials =
        new AwsEnvironment.Credentials(
            "AKIDEXAMPLE",
            "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            withToken ? "FwoG//token==" : null);

    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", protocol.contentType());
    headers.put("X-Amz-Target", protocol.targetPrefix() + ".Operation");
    headers.put("Host", host);
    Map<String, String> ours =
        SigV4.sign(
            "POST",
            "/",
            headers,
            body.getBytes(StandardCharsets.UTF_8),
            "eu-west-3",
            protocol.service(),
            credentials,
            NOW.toEpochMilli());

    SignedRequest sdk = sdkSigned(protocol, uri, body, credentials);
    assertThat(ours.get("Authorization"))
        .isEqualTo(sdk.request().firstMatchingHeader("Authorization").orElseThrow());
    assertThat(ours.get("X-Amz-Date"))
        .isEqualTo(sdk.request().firstMatchingHeader("X-Amz-Date").orElseThrow());
    assertThat(ours.get("X-Amz-Security-Token"))
        .isEqualTo(sdk.request().firstMatchingHeader("X-Amz-Security-Token").orElse(null));
  }

  @Test
  void amzDate_isTheUtcTimeOfTheInstant_acrossCenturiesAndLeapDays() {
    DateTimeFormatter expected =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    Random random = new Random(3);
    long[] fixed = {0, -1, 951_782_400_000L, 4_107_542_399_999L, NOW.toEpochMilli()};
    for (long millis : fixed) {
      assertThat(SigV4.amzDate(millis)).isEqualTo(expected.format(Instant.ofEpochMilli(millis)));
    }
    for (int i = 0; i < 10_000; i++) {
      long millis = Math.floorMod(random.nextLong(), 253_402_300_799_000L); // up to 9999-12-31
      assertThat(SigV4.amzDate(millis)).isEqualTo(expected.format(Instant.ofEpochMilli(millis)));
    }
  }

  private static SignedRequest sdkSigned(
      JsonCall.Protocol protocol, URI uri, String body, AwsEnvironment.Credentials credentials) {
    SdkHttpFullRequest request =
        SdkHttpFullRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(uri)
            .encodedPath("/")
            .putHeader("Content-Type", protocol.contentType())
            .putHeader("X-Amz-Target", protocol.targetPrefix() + ".Operation")
            .build();
    AwsCredentialsIdentity identity =
        credentials.sessionToken() == null
            ? AwsBasicCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey())
            : AwsSessionCredentials.create(
                credentials.accessKeyId(),
                credentials.secretAccessKey(),
                credentials.sessionToken());
    return AwsV4HttpSigner.create()
        .sign(
            r ->
                r.identity(identity)
                    .request(request)
                    .payload(ContentStreamProvider.fromUtf8String(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, protocol.service())
                    .putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-3")
                    .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(NOW, ZoneOffset.UTC)));
  }
}
