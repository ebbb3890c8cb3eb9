package io.github.lambdamw.agent.internal.http;

import javax.net.ssl.SSLSocketFactory;

/**
 * Makes the JVM's default TLS context (the trust store read, the providers loaded, JSSE's tables
 * built: about a third of the first HTTPS read in a cold JVM) on a thread of its own, while the
 * set-up thread builds the gate and signs the first SSM request. On two CPUs the two overlap; on
 * one they cost what they cost in sequence. {@code benchmarks/cold-start.sh} measures the effect.
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
