package io.github.lambdamw.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * Fails every invocation (event: a JSON string such as {@code "x"}), so a test can compare the
 * runtime's error payload with and without the agent.
 */
public final class ThrowingHandler implements RequestHandler<String, String> {
  @Override
  public String handleRequest(String input, Context context) {
    throw new IllegalStateException("boom: " + input);
  }
}
