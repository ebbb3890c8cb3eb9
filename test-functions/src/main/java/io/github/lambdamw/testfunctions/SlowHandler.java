package io.github.lambdamw.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Sleeps for as many milliseconds as the event says (a JSON number), to drive timeouts. */
public final class SlowHandler implements RequestHandler<Long, String> {
  @Override
  public String handleRequest(Long millis, Context context) {
    long sleepFor = millis == null ? 0 : millis;
    try {
      Thread.sleep(sleepFor);
    } catch (InterruptedException e) {
      // Keep the flag for the runtime, and say so rather than pretend the full sleep happened.
      Thread.currentThread().interrupt();
      return "interrupted";
    }
    return "slept " + sleepFor + " ms";
  }
}
