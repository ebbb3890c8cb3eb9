package io.github.lambdamw.fleet;

import io.github.lambdamw.agent.internal.defer.DeferralStore;
import io.github.lambdamw.agent.internal.invocation.Invocation;
import io.github.lambdamw.window.WindowStatus;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the simulated environments' deferrals go: counted, not sent. DynamoDB is not what the
 * simulation measures (the decisions and the SSM load are), and a thousand writes would only add
 * noise on a shared machine; the cross-check with real JVMs ({@link FleetJvmsTest}) stores in
 * dynoxide.
 */
final class CountingDeferralStore implements DeferralStore {
  final AtomicInteger stored = new AtomicInteger();

  @Override
  public boolean store(Invocation invocation, WindowStatus window, Instant arrivedAt) {
    stored.incrementAndGet();
    return true;
  }
}
