package io.github.lambdamw.harness.runtimeapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Runtime API and Invoke API of LocalLambda, with the runtime played by the test. */
class LocalLambdaTest {

  private LocalLambda lambda;
  private FakeRuntime runtime;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    lambda = LocalLambda.builder("fn").withTimeout(Duration.ofMillis(500)).start();
    runtime = new FakeRuntime(lambda);
  }

  @AfterEach
  void stop() {
    lambda.close();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private HttpResponse<String> invokeHttp(String name, String type, String payload)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(lambda.endpoint() + "/2015-03-31/functions/" + name + "/invocations"))
            .POST(HttpRequest.BodyPublishers.ofString(payload));
    if (type != null) {
      request.header("X-Amz-Invocation-Type", type);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void next_carriesTheEventAndLambdasHeaders() throws Exception {
    CompletableFuture<HttpResponse<byte[]>> poll = runtime.next();
    CompletableFuture<InvokeResult> result = lambda.invokeAsync(utf8("{\"a\":1}"), "req-1");

    HttpResponse<byte[]> event = poll.get(5, TimeUnit.SECONDS);
    long deadline =
        Long.parseLong(event.headers().firstValue("Lambda-Runtime-Deadline-Ms").orElseThrow());

    assertThat(event.body()).isEqualTo(utf8("{\"a\":1}"));
    assertThat(event.headers().firstValue("Lambda-Runtime-Aws-Request-Id")).hasValue("req-1");
    assertThat(event.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn"))
        .hasValue("arn:aws:lambda:us-east-1:123456789012:function:fn");
    assertThat(event.headers().firstValue("Lambda-Runtime-Trace-Id").orElseThrow())
        .startsWith("Root=1-");
    assertThat(deadline - System.currentTimeMillis()).isBetween(0L, 500L);
    assertThat(runtime.respond("req-1", "\"ok\"")).isEqualTo(202);
    assertThat(result.get(5, TimeUnit.SECONDS).payloadUtf8()).isEqualTo("\"ok\"");
    assertThat(lambda.awaitRuntimeReady(Duration.ZERO)).isTrue();
  }

  @Test
  void aClientContextAndCognitoIdentity_arePassedToTheRuntime() throws Exception {
    CompletableFuture<HttpResponse<byte[]>> poll = runtime.next();
    lambda.invokeAsync(utf8("{}"), "req-c", "{\"custom\":{}}", "{\"cognitoIdentityId\":\"id\"}");

    HttpResponse<byte[]> event = poll.get(5, TimeUnit.SECONDS);

    assertThat(event.headers().firstValue("Lambda-Runtime-Client-Context"))
        .hasValue("{\"custom\":{}}");
    assertThat(event.headers().firstValue("Lambda-Runtime-Cognito-Identity"))
        .hasValue("{\"cognitoIdentityId\":\"id\"}");
  }

  @Test
  void severalPollers_eachTakeOneEvent() throws Exception {
    CompletableFuture<HttpResponse<byte[]>> first = runtime.next();
    CompletableFuture<HttpResponse<byte[]>> second = runtime.next();
    long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (lambda.waitingPolls() < 2 && System.nanoTime() < waitUntil) {
      Thread.sleep(10);
    }
    assertThat(lambda.waitingPolls()).isEqualTo(2);

    lambda.invokeAsync(utf8("1"), "one");
    lambda.invokeAsync(utf8("2"), "two");

    assertThat(
            java.util.stream.Stream.of(first, second)
                .map(
                    f ->
                        f.join()
                            .headers()
                            .firstValue("Lambda-Runtime-Aws-Request-Id")
                            .orElseThrow()))
        .containsExactlyInAnyOrder("one", "two");
  }

  @Test
  void anErrorReport_becomesAnUnhandledFunctionError() throws Exception {
    CompletableFuture<HttpResponse<byte[]>> poll = runtime.next();
    CompletableFuture<InvokeResult> result = lambda.invokeAsync(utf8("{}"), "req-e");
    poll.get(5, TimeUnit.SECONDS);

    runtime.error("req-e", "java.lang.RuntimeException", "{\"errorMessage\":\"x\"}");

    InvokeResult answer = result.get(5, TimeUnit.SECONDS);
    assertThat(answer.functionError()).isEqualTo("Unhandled");
    assertThat(answer.runtimeErrorType()).isEqualTo("java.lang.RuntimeException");
    assertThat(answer.payloadUtf8()).isEqualTo("{\"errorMessage\":\"x\"}");
    assertThat(lambda.errors()).isEqualTo(1);
  }

  @Test
  void aFunctionThatDoesNotAnswerInTime_timesOutLikeLambda_andALateAnswerIsOnlyCounted()
      throws Exception {
    CompletableFuture<HttpResponse<byte[]>> poll = runtime.next();
    CompletableFuture<HttpResponse<String>> invoke =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return invokeHttp("fn", null, "{}");
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    String requestId =
        poll.get(5, TimeUnit.SECONDS)
            .headers()
            .firstValue("Lambda-Runtime-Aws-Request-Id")
            .orElseThrow();

    HttpResponse<String> response = invoke.get(5, TimeUnit.SECONDS);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-Amz-Function-Error")).hasValue("Unhandled");
    assertThat(response.body()).contains(requestId + " Task timed out after 0.50 seconds");
    assertThat(runtime.respond(requestId, "\"late\"")).isEqualTo(202);
    assertThat(lambda.timeouts()).isEqualTo(1);
    assertThat(lambda.lateAnswers()).isEqualTo(1);
  }

  @Test
  void anUnknownRequestId_isRefused() throws Exception {
    assertThat(runtime.respond("never-sent", "{}")).isEqualTo(400);
  }

  @Test
  void anInitError_isRecorded_andFailsTheWaitingInvocations() throws Exception {
    CompletableFuture<InvokeResult> queued = lambda.invokeAsync(utf8("{}"));

    assertThat(runtime.initError("Runtime.ClassNotFound", "{\"errorMessage\":\"no class\"}"))
        .isEqualTo(202);

    assertThat(lambda.initError().errorType()).isEqualTo("Runtime.ClassNotFound");
    assertThat(queued.get(5, TimeUnit.SECONDS).payloadUtf8()).contains("no class");
    assertThat(lambda.invoke(utf8("{}")).functionError()).isEqualTo("Unhandled");
  }

  @Test
  void dryRun_is204_andEvent_is202_withARequestId() throws Exception {
    HttpResponse<String> dryRun = invokeHttp("fn", "DryRun", "{}");
    HttpResponse<String> event = invokeHttp("fn", "Event", "{}");

    assertThat(dryRun.statusCode()).isEqualTo(204);
    assertThat(event.statusCode()).isEqualTo(202);
    assertThat(event.headers().firstValue("x-amzn-RequestId")).isPresent();
    assertThat(lambda.queuedInvocations()).isEqualTo(1);
  }

  @Test
  void aPayloadThatIsNotJson_isInvalidRequestContent() throws Exception {
    HttpResponse<String> response = invokeHttp("fn", null, "not json");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("x-amzn-ErrorType"))
        .hasValue("InvalidRequestContentException");
  }

  @Test
  void anotherFunctionsName_orAQualifiedVersion_isNotFound() throws Exception {
    assertThat(invokeHttp("other", null, "{}").statusCode()).isEqualTo(404);
    HttpResponse<String> qualified =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        lambda.endpoint() + "/2015-03-31/functions/fn/invocations?Qualifier=3"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .header("X-Amz-Invocation-Type", "DryRun")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(qualified.statusCode()).isEqualTo(404);
    assertThat(qualified.body())
        .contains("Function not found: arn:aws:lambda:us-east-1:123456789012:function:fn:3");
  }
}
