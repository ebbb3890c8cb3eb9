package io.github.lambdamw.agent.internal.aws;

import io.github.lambdamw.agent.internal.AwsClients;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
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
 * One AWS JSON call through the SDK: its credential and region provider chains, its SigV4 signer and its
 * URL-connection HTTP client. Used when the environment lacks what {@link SigV4JsonCall} needs (outside Lambda, or
 * with container credentials as SnapStart gives), at the price of loading a few hundred SDK classes.
 */
public final class SdkJsonCall implements JsonCall {
  private final Protocol protocol;
  private final URI endpoint;
  private final String region;
  private final AwsCredentialsProvider credentials;
  private final SdkHttpClient http;
  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

  public SdkJsonCall(AwsEnvironment environment, Protocol protocol, Duration timeout) {
    this.protocol = protocol;
    String configured = environment.region();
    this.region = configured != null ? configured : new DefaultAwsRegionProviderChain().getRegion().id();
    this.endpoint = environment.endpoint(protocol.service(), region);
    this.credentials = DefaultCredentialsProvider.builder().build();
    this.http = UrlConnectionHttpClient.builder().connectionTimeout(timeout).socketTimeout(timeout).build();
  }

  @Override
  public Response call(String operation, String jsonBody) throws IOException {
    return AwsClients.withAgentClassLoader(() -> send(operation, jsonBody));
  }

  /**
   * The SDK's HTTP client has one timeout for all calls; the deadline of a shorter call is kept by its caller's
   * retry budget instead.
   */
  @Override
  public Response call(String operation, String jsonBody, int timeoutMillis) throws IOException {
    return call(operation, jsonBody);
  }

  private Response send(String operation, String jsonBody) {
    try {
      return signAndSend(operation, jsonBody);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Response signAndSend(String operation, String jsonBody) throws IOException {
    byte[] body = jsonBody.getBytes(StandardCharsets.UTF_8);
    SdkHttpFullRequest request =
        SdkHttpFullRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(endpoint)
            .encodedPath(endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() ? "/" : endpoint.getRawPath())
            .putHeader("Content-Type", protocol.contentType())
            .putHeader("X-Amz-Target", protocol.targetPrefix() + "." + operation)
            .build();
    AwsCredentialsIdentity identity = credentials.resolveCredentials();
    SignedRequest signed =
        signer.sign(
            r ->
                r.identity(identity)
                    .request(request)
                    .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, protocol.service())
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
