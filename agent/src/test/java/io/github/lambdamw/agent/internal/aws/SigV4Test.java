package io.github.lambdamw.agent.internal.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** The JDK-only signer must produce exactly the SDK signer's headers for the requests the agent sends. */
class SigV4Test {
  private static final Instant NOW = Instant.parse("2026-11-27T05:36:12.345Z");

  @ParameterizedTest(name = "{0} with session token {1}")
  @CsvSource({
    "https://ssm.eu-west-3.amazonaws.com, true",
    "https://ssm.eu-west-3.amazonaws.com, false",
    "http://127.0.0.1:4583, true",
    "https://ssm-fips.us-gov-west-1.amazonaws.com:8443, false"
  })
  void signsExactlyAsTheSdkSigner(String endpoint, boolean withToken) {
    String body = "{\"Name\":\"maintenance-window \\u00e9\"}";
    URI uri = URI.create(endpoint);
    String host = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    AwsEnvironment.Credentials credentials =
        new AwsEnvironment.Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", withToken ? "FwoG//token==" : null);

    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/x-amz-json-1.1");
    headers.put("X-Amz-Target", "AmazonSSM.GetParameter");
    headers.put("Host", host);
    Map<String, String> ours =
        SigV4.sign("POST", "/", headers, body.getBytes(StandardCharsets.UTF_8), "eu-west-3", "ssm", credentials, NOW);

    SignedRequest sdk = sdkSigned(uri, body, credentials);
    assertThat(ours.get("Authorization")).isEqualTo(sdk.request().firstMatchingHeader("Authorization").orElseThrow());
    assertThat(ours.get("X-Amz-Date")).isEqualTo(sdk.request().firstMatchingHeader("X-Amz-Date").orElseThrow());
    assertThat(ours.get("X-Amz-Security-Token"))
        .isEqualTo(sdk.request().firstMatchingHeader("X-Amz-Security-Token").orElse(null));
  }

  private static SignedRequest sdkSigned(URI uri, String body, AwsEnvironment.Credentials credentials) {
    SdkHttpFullRequest request =
        SdkHttpFullRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(uri)
            .encodedPath("/")
            .putHeader("Content-Type", "application/x-amz-json-1.1")
            .putHeader("X-Amz-Target", "AmazonSSM.GetParameter")
            .build();
    AwsCredentialsIdentity identity =
        credentials.sessionToken() == null
            ? AwsBasicCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey())
            : AwsSessionCredentials.create(
                credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken());
    return AwsV4HttpSigner.create()
        .sign(
            r ->
                r.identity(identity)
                    .request(request)
                    .payload(ContentStreamProvider.fromUtf8String(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ssm")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-3")
                    .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(NOW, ZoneOffset.UTC)));
  }
}
