package io.github.lambdamw.agent.internal.http;

import javax.net.ssl.SSLSocketFactory;

/**
 * Makes the JVM's default TLS context (the trust store read, the providers loaded, JSSE's tables
 * built) on a thread of its own, while the set-up thread builds the gate and signs the first SSM
 * request. On two CPUs the two can overlap; on one they cost what they cost in sequence. Measured
 * with {@code benchmarks/cold-start.sh} against the variant {@code agent-no-tls-ahead} ({@code
 * MAINTENANCE_WINDOW_TLS_AHEAD=false}), 20 interleaved rounds, JDK 17 / 25: the trivial function's
 * cold start on 2 CPUs 1.55 / 1.53 with it against 1.53 / 1.68 without, the realistic function's
 * 1.02 / 1.00 against 1.02 / 0.99; at 1 CPU the realistic function 1.09 / 1.14 against 1.16 / 1.16,
 * the trivial one 1.96 / 1.97 against 1.94 / 2.01 (docs/performance.md). Never worse beyond the
 * spread, better in two cells, so it stays.
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
