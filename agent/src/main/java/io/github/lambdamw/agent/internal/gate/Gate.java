package io.github.lambdamw.agent.internal.gate;

import io.github.lambdamw.agent.internal.defer.Deferrer;
import io.github.lambdamw.agent.internal.defer.Observer;
import io.github.lambdamw.agent.internal.invocation.InvocationRequestReader;
import io.github.lambdamw.window.WindowStatus;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.CountDownLatch;

/**
 * The one entry point the dispatch advice calls before the runtime client runs the handler. Outside
 * a window it returns {@code null} after one clock read and one comparison, and the handler runs
 * untouched.
 */
public final class Gate {
  private static volatile Gate installed;

  /**
   * Set while premain's background thread builds the gate: a dispatch arriving meanwhile waits for
   * it.
   */
  private static volatile CountDownLatch pending;

  private final WindowCache window;
  private final Deferrer deferrer;
  private final Observer observer;

  /** A gate that observes only windows written with {@code "mode":"observe"}. */
  public Gate(WindowCache window, Deferrer deferrer) {
    this(window, deferrer, new Observer("unknown-function", false));
  }

  public Gate(WindowCache window, Deferrer deferrer, Observer observer) {
    this.window = window;
    this.deferrer = deferrer;
    this.observer = observer;
  }

  /**
   * Says that a gate (or {@code null}, for "not guarded") will be installed from another thread:
   * until then, dispatches wait rather than run unguarded.
   */
  public static void expectInstallation() {
    pending = new CountDownLatch(1);
  }

  public static void install(Gate gate) {
    installed = gate;
    CountDownLatch waiting = pending;
    if (waiting != null) {
      pending = null;
      waiting.countDown();
    }
  }

  /**
   * Called with the runtime client's {@code InvocationRequest}.
   *
   * @return {@code null} to run the handler (window closed, or open in observe mode), or the answer
   *     to report in its place (the event is stored)
   * @throws io.github.lambdamw.agent.MaintenanceWindowDeferralException when a deferred event could
   *     not be stored
   */
  public static ByteArrayOutputStream beforeDispatch(Object invocationRequest) {
    Gate gate = installed;
    if (gate == null) {
      gate = awaitInstallation();
      if (gate == null) {
        return null;
      }
    }
    return gate.dispatch(invocationRequest, System.currentTimeMillis());
  }

  /**
   * The decision for one invocation arriving at {@code nowMillis}: {@code null} to run the handler,
   * or the answer to report in its place (the event stored). The invocation's deadline is read only
   * when the window must be read again, to bound how long it waits for SSM. Public for the fleet
   * simulation, which runs many gates in one JVM.
   */
  public ByteArrayOutputStream dispatch(Object invocationRequest, long nowMillis) {
    WindowStatus status = window.currentStatusAt(nowMillis);
    if (status == null) {
      status =
          window.statusAt(nowMillis, InvocationRequestReader.deadlineMillis(invocationRequest));
    }
    if (!status.isOpen()) {
      return null;
    }
    if (observer.observes(status)) {
      observer.wouldDefer(invocationRequest, status);
      return null;
    }
    return deferrer.defer(invocationRequest, status);
  }

  private static Gate awaitInstallation() {
    CountDownLatch waiting = pending;
    if (waiting != null) {
      try {
        waiting.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return installed;
  }
}
