package io.github.lambdamw.agent.internal.defer;

import io.github.lambdamw.agent.MaintenanceWindowDeferralException;
import io.github.lambdamw.agent.internal.invocation.Invocation;
import io.github.lambdamw.window.WindowStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A store for tests of the gate and advice, with the same once-per-request-id contract as
 * DynamoDB's.
 */
public final class InMemoryDeferralStore implements DeferralStore {
  public final Map<String, Invocation> stored = new LinkedHashMap<>();
  public volatile String failWith;

  @Override
  public synchronized boolean store(Invocation invocation, WindowStatus window, Instant arrivedAt) {
    if (failWith != null) {
      throw new MaintenanceWindowDeferralException(failWith);
    }
    return stored.putIfAbsent(invocation.requestId(), invocation) == null;
  }
}
