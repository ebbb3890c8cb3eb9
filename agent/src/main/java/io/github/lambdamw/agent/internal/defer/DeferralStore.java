package io.github.lambdamw.agent.internal.defer;

import io.github.lambdamw.agent.MaintenanceWindowDeferralException;
import io.github.lambdamw.agent.internal.invocation.Invocation;
import io.github.lambdamw.window.WindowStatus;
import java.time.Instant;

/** Where deferred invocations are kept until replay. */
public interface DeferralStore {

  /**
   * Stores one invocation, at most once per request id.
   *
   * @return {@code true} if stored now, {@code false} if an item with this request id was already
   *     stored (a retry)
   * @throws MaintenanceWindowDeferralException when it cannot be stored; the message says what and
   *     where
   */
  boolean store(Invocation invocation, WindowStatus window, Instant arrivedAt);
}
