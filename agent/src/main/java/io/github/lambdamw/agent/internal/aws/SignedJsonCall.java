package io.github.lambdamw.agent.internal.aws;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * One AWS JSON 1.1 call, signed with the SDK's SigV4 signer and sent with the SDK's URL-connection HTTP client. A
 * whole service client costs most of a second of CPU to build in a fresh JVM (its endpoint rules, interceptors,
 * marshallers and retry machinery); the agent needs one read of one parameter, so it pays only for signing and HTTP.
 */
public final class SignedJsonCall {
  private final String service;
  private final String targetPrefix;
  private final URI endpoint;
  private final String region;
  private final AwsCredentialsProvider credentials;
  private final SdkHttpClient http;
  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

  /**
   * @param service the signing name and endpoint prefix, e.g. {@code ssm}
   * @param targetPrefix the {@code X-Amz-Target} prefix, e.g. {@code AmazonSSM}
   */
  public SignedJsonCall(AwsEnvironment environment, String service, String targetPrefix, Duration timeout) {
    this.service = service;
    this.targetPrefix = targetPrefix;
    this.endpoint = environment.endpoint(service);
    this.region = environment.region();
    this.credentials = environment.credentials();
    this.http = UrlConnectionHttpClient.builder().connectionTimeout(timeout).socketTimeout(timeout).build();
  }

  /** The answer: status code and body. */
  public record Response(int status, String body) {}

  /** {@link #call} with I/O failures as {@link java.io.UncheckedIOException}, for use inside a supplier. */
  public Response callUnchecked(String operation, String jsonBody) {
    try {
      return call(operation, jsonBody);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public Response call(String operation, String jsonBody) throws IOException {
    byte[] body = jsonBody.getBytes(StandardCharsets.UTF_8);
    SdkHttpFullRequest request =
        SdkHttpFullRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(endpoint)
            .encodedPath(endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() ? "/" : endpoint.getRawPath())
            .putHeader("Content-Type", "application/x-amz-json-1.1")
            .putHeader("X-Amz-Target", targetPrefix + "." + operation)
            .build();
    AwsCredentialsIdentity identity = credentials.resolveCredentials();
    SignedRequest signed =
        signer.sign(
            r ->
                r.identity(identity)
                    .request(request)
                    .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region));
    HttpExecuteResponse response =
        http.prepareRequest(
                HttpExecuteRequest.builder()
                    .request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null))
                    .build())
            .call();
    String text = "";
    if (response.responseBody().isPresent()) {
      try (InputStream in = response.responseBody().get()) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    return new Response(response.httpResponse().statusCode(), text);
  }
}
