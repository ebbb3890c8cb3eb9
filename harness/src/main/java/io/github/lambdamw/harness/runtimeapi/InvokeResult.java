package io.github.lambdamw.harness.runtimeapi;

import java.nio.charset.StandardCharsets;

/**
 * What an invocation came back with, as the Invoke API reports it.
 *
 * @param statusCode the Invoke API's HTTP status: 200 for a synchronous invocation (also when the
 *     function failed), 202 for a queued event, 204 for a dry run
 * @param payload the function's answer, or the error document when {@code functionError} is set;
 *     never null
 * @param functionError {@code "Unhandled"} when the function failed or timed out (Lambda's {@code
 *     X-Amz-Function-Error}), else null
 * @param runtimeErrorType the {@code Lambda-Runtime-Function-Error-Type} the runtime posted with
 *     its error, else null
 * @param requestId the invocation's request id
 */
public record InvokeResult(
    int statusCode,
    byte[] payload,
    String functionError,
    String runtimeErrorType,
    String requestId) {

  /** The payload as UTF-8 text. */
  public String payloadUtf8() {
    return new String(payload, StandardCharsets.UTF_8);
  }

  /** True when the function failed, timed out, or its runtime failed to initialise. */
  public boolean isFunctionError() {
    return functionError != null;
  }
}
