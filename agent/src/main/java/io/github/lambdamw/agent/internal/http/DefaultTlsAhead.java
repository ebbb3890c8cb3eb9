package io.github.lambdamw.agent.internal.http;

import javax.net.ssl.SSLSocketFactory;

/**
 * Makes the JVM's default TLS context (the trust store read, the providers loaded, JSSE's tables
 * built) on a thread of its own, while the set-up thread builds the gate and signs the first SSM
 * request. On two CPUs the two can overlap; on one they cost what they cost in sequence. Its gain
 * alone is not measured: {@code benchmarks/cold-start.sh} has no variant without it, so the 2-CPU
 * figures of docs/performance.md include it without isolating it.
 *
 * <p>Nothing is decided here: a failure is left for the first call to meet and report, from the
 * same {@code SSLContext.getDefault()}, which then tries again.
 */
public final class DefaultTlsAhead implements Runnable {
  private DefaultTlsAhead() {}

  /** Starts the thread; returns at once. */
  public static void start() {
    Thread thread = new Thread(new DefaultTlsAhead(), "maintenance-window-tls");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void run() {
    try {
      SSLSocketFactory.getDefault();
    } catch (RuntimeException | LinkageError e) {
      // The first https call reports it, with the call it stopped.
    }
  }
}
