package com.amazonaws.services.lambda.runtime.api.client;

import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.dto.InvocationRequest;
import java.io.ByteArrayOutputStream;

/**
 * Stands in for {@code EventHandlerLoader$2}: runs "the handler", which echoes the event and counts
 * its runs.
 */
public class FakeEventHandler implements LambdaRequestHandler {
  @Override
  public ByteArrayOutputStream call(InvocationRequest request) throws Exception {
    FakeHandlerRuns.RUNS.incrementAndGet();
    if (new String(request.getContent()).equals("throw")) {
      throw new IllegalStateException("handler failed");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(request.getContent());
    return out;
  }
}
