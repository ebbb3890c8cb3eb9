package io.github.lambdamw.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Locale;

/** A JSON string in, the same string in upper case out. */
public final class StringHandler implements RequestHandler<String, String> {
  @Override
  public String handleRequest(String input, Context context) {
    return input == null ? null : input.toUpperCase(Locale.ROOT);
  }
}
