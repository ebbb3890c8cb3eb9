package com.amazonaws.services.lambda.runtime.api.client;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts runs of {@link FakeEventHandler}; kept apart so a redefined copy of the handler shares the
 * counter.
 */
public final class FakeHandlerRuns {
  public static final AtomicInteger RUNS = new AtomicInteger();

  private FakeHandlerRuns() {}
}
