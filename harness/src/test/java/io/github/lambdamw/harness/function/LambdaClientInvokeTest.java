package io.github.lambdamw.harness.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.github.lambdamw.harness.fixture.FixtureFunctionJar;
import io.github.lambdamw.harness.runtimeapi.InvokeResult;
import io.github.lambdamw.harness.runtimeapi.LocalLambda;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** The SDK's LambdaClient against a function started under the real RIC, on each JDK. */
@ParameterizedClass(name = "RIC {1} on {0}")
@MethodSource("runtimes")
class LambdaClientInvokeTest {

  static Stream<Arguments> runtimes() {
    return Stream.of(
        arguments(JavaHome.OPENJDK_17, RuntimeClients.LEGACY),
        arguments(JavaHome.OPENJDK_17, RuntimeClients.CURRENT),
        arguments(JavaHome.TEMURIN_25, RuntimeClients.LEGACY),
        arguments(JavaHome.TEMURIN_25, RuntimeClients.CURRENT));
  }

  @Parameter(0)
  Path javaHome;

  @Parameter(1)
  String ricVersion;

  private static LocalLambda lambda;
  private static LambdaFunction function;
  private static LambdaClient client;

  @BeforeParameterizedClassInvocation
  static void startFunction(Path javaHome, String ricVersion) {
    lambda = LocalLambda.builder("scripted").withTimeout(Duration.ofSeconds(2)).start();
    function =
        LambdaFunction.builder(lambda)
            .withJavaHome(javaHome)
            .withRuntimeClient(ricVersion)
            .withHandler(FixtureFunctionJar.SCRIPTED_HANDLER)
            .withFunctionJar(FixtureFunctionJar.path())
            .withMemoryMb(256)
            .start()
            .awaitReady(Duration.ofSeconds(30));
    client = lambdaClient(lambda.endpoint());
  }

  @AfterParameterizedClassInvocation
  static void stopFunction() {
    client.close();
    function.close();
    lambda.close();
  }

  static LambdaClient lambdaClient(URI endpoint) {
    return LambdaClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  @Test
  void requestResponse_returnsTheHandlersBytesUnchanged() {
    String event = "{ \"text\" : \"gr\\u00fc\u00dfe \u2603\",\n  \"n\": [1, 2.50, -0] }";

    InvokeResponse response =
        client.invoke(b -> b.functionName("scripted").payload(SdkBytes.fromUtf8String(event)));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.functionError()).isNull();
    assertThat(response.payload().asByteArray()).isEqualTo(event.getBytes(StandardCharsets.UTF_8));
    assertThat(response.responseMetadata().requestId()).isNotBlank();
  }

  @Test
  void aThrowingHandler_surfacesAsAnUnhandledFunctionError() {
    InvokeResponse response =
        client.invoke(
            b ->
                b.functionName("scripted").payload(SdkBytes.fromUtf8String("{\"fail\":\"boom\"}")));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.functionError()).isEqualTo("Unhandled");
    assertThat(response.payload().asUtf8String())
        .contains("\"errorMessage\":\"boom\"")
        .contains("java.lang.IllegalStateException");
  }

  @Test
  void anEvent_isAcceptedAt202_andThenRunByTheRuntime() {
    int completedBefore = lambda.results().size();

    InvokeResponse response =
        client.invoke(
            b ->
                b.functionName("scripted")
                    .invocationType(InvocationType.EVENT)
                    .payload(SdkBytes.fromUtf8String("{\"event\":1}")));

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.payload().asByteArray()).isEmpty();
    String requestId = response.responseMetadata().requestId();
    List<InvokeResult> results = lambda.awaitResults(completedBefore + 1, Duration.ofSeconds(10));
    assertThat(results)
        .filteredOn(r -> r.requestId().equals(requestId))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.statusCode()).isEqualTo(202);
              assertThat(r.payloadUtf8()).isEqualTo("{\"event\":1}");
            });
  }

  @Test
  void theRuntimeSeesTheRequestIdArnDeadlineAndClientContext() {
    String clientContext =
        Base64.getEncoder()
            .encodeToString("{\"custom\":{\"k\":\"v\"}}".getBytes(StandardCharsets.UTF_8));

    InvokeResponse response =
        client.invoke(
            b ->
                b.functionName(lambda.functionArn())
                    .clientContext(clientContext)
                    .payload(SdkBytes.fromUtf8String("{\"context\":true}")));

    assertThat(response.payload().asUtf8String())
        .contains("\"requestId\":\"" + response.responseMetadata().requestId() + "\"")
        .contains("\"functionArn\":\"" + lambda.functionArn() + "\"")
        .contains("\"functionName\":\"scripted\"")
        .contains("\"memoryMb\":256")
        .contains("\"clientContextCustom\":\"{k=v}\"")
        .contains("\"taskRoot\":\"" + function.taskRoot() + "\"")
        .contains("\"javaToolOptions\":\"null\"");
  }

  @Test
  void theJavaApi_deliversTheChosenRequestId() {
    InvokeResult result =
        lambda.invoke("{\"context\":true}".getBytes(StandardCharsets.UTF_8), "redelivered-id-1");

    assertThat(result.requestId()).isEqualTo("redelivered-id-1");
    assertThat(result.payloadUtf8()).contains("\"requestId\":\"redelivered-id-1\"");
  }

  @Test
  void anUnknownFunctionName_isResourceNotFound() {
    assertThatThrownBy(
            () ->
                client.invoke(b -> b.functionName("other").payload(SdkBytes.fromUtf8String("{}"))))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("Function not found");
  }
}
