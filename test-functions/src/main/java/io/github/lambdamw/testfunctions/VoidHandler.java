package io.github.lambdamw.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.Map;

/**
 * A handler method that returns void and implements no interface (handler string {@code
 * io.github.lambdamw.testfunctions.VoidHandler::handleRequest}): the runtime finds it by
 * reflection, a dispatch path of its own. Its only trace is the line it prints.
 */
public final class VoidHandler {
  public void handleRequest(Map<String, Object> event, Context context) {
    System.out.println("void-handler ran " + context.getAwsRequestId());
  }
}
