package io.github.lambdamw.replay.internal;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/**
 * One Invoke API call per item, classified as accepted, refused or unknown. The client must not
 * retry on its own (see {@code ReplayClients}): a retried Invoke after a lost answer is a second
 * invocation, so only refusals that Lambda states itself (throttling) are retried here.
 */
public final class LambdaInvoker {
  private static final int THROTTLE_TRIES = 4;
  private static final long THROTTLE_BACKOFF_MILLIS = 500;
  private static final int MAX_ANSWER_CHARS = 500;

  private final LambdaClient lambda;
  private final String target;
  private final boolean synchronous;

  public LambdaInvoker(LambdaClient lambda, String target, boolean synchronous) {
    this.lambda = Objects.requireNonNull(lambda, "lambda");
    this.target = Objects.requireNonNull(target, "target");
    this.synchronous = synchronous;
  }

  public InvokeOutcome invoke(byte[] payload, String clientContextBase64)
      throws InterruptedException {
    InvokeRequest request =
        InvokeRequest.builder()
            .functionName(target)
            .invocationType(synchronous ? InvocationType.REQUEST_RESPONSE : InvocationType.EVENT)
            .clientContext(clientContextBase64)
            .payload(SdkBytes.fromByteArrayUnsafe(payload))
            .build();
    for (int attempt = 1; ; attempt++) {
      try {
        return classify(lambda.invoke(request));
      } catch (TooManyRequestsException e) {
        if (attempt == THROTTLE_TRIES) {
          return InvokeOutcome.refused("throttled " + attempt + " times: " + message(e));
        }
        Thread.sleep(THROTTLE_BACKOFF_MILLIS << (attempt - 1));
      } catch (SdkServiceException e) {
        return classify(e);
      } catch (SdkClientException e) {
        if (neverSent(e)) {
          return InvokeOutcome.refused("Lambda not reached: " + e.getMessage());
        }
        return InvokeOutcome.unknown(
            "no answer from Lambda, the invocation may have been accepted: " + e.getMessage());
      }
    }
  }

  private InvokeOutcome classify(InvokeResponse response) {
    if (response.functionError() != null) {
      return InvokeOutcome.refused(
          "function error (" + response.functionError() + "): " + answer(response.payload()));
    }
    int status = response.statusCode();
    if (synchronous ? status >= 200 && status < 300 : status == 202) {
      return InvokeOutcome.accepted();
    }
    return InvokeOutcome.unknown(
        "unexpected status " + status + " for " + (synchronous ? "RequestResponse" : "Event"));
  }

  private static InvokeOutcome classify(SdkServiceException e) {
    int status = e.statusCode();
    String detail = "HTTP " + status + ": " + message(e);
    if (status >= 500) {
      return InvokeOutcome.unknown(detail);
    }
    if (status == 403 || status == 404) {
      return InvokeOutcome.fatal(detail);
    }
    if (status == 413) {
      return InvokeOutcome.refused(
          detail + " (asynchronous invocations take at most 1 MB: replay with --sync)");
    }
    return InvokeOutcome.refused(detail);
  }

  /** True only when the failure happened before a byte could reach Lambda. */
  private static boolean neverSent(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof UnknownHostException
          || t instanceof NoRouteToHostException) {
        return true;
      }
    }
    return false;
  }

  private static String message(SdkServiceException e) {
    String name = e.getClass().getSimpleName();
    if (e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException aws
        && aws.awsErrorDetails() != null) {
      return aws.awsErrorDetails().errorCode() + ": " + aws.awsErrorDetails().errorMessage();
    }
    return name + ": " + e.getMessage();
  }

  private static String answer(SdkBytes payload) {
    if (payload == null) {
      return "";
    }
    String text = payload.asString(StandardCharsets.UTF_8);
    return text.length() <= MAX_ANSWER_CHARS ? text : text.substring(0, MAX_ANSWER_CHARS) + "…";
  }
}
