package io.github.lambdamw.agent.internal.http;

/**
 * The idle kept-alive connections to one endpoint. A pool, not one shared connection: with Lambda's multi-concurrency
 * several invocation threads may call at once, and each takes its own connection rather than waiting in line.
 *
 * <p>Last in, first out: the most recently used connection is the likeliest to be still open at the server, and the
 * others age out. Connections idle longer than the bound are closed rather than handed out: servers close idle
 * connections after a while, and a request sent on one the server is closing fails.
 */
final class IdleConnections {
  private final HttpConnection[] idle;
  private final long maxIdleMillis;
  private int count;

  IdleConnections(int capacity, long maxIdleMillis) {
    this.idle = new HttpConnection[capacity];
    this.maxIdleMillis = maxIdleMillis;
  }

  /**
   * The most recently used idle connection, or {@code null} when none is young enough. Every connection past the
   * bound is closed on the way, also those under the newest, which LIFO order would otherwise leave open for as long
   * as the newest keeps being reused.
   */
  HttpConnection take() {
    HttpConnection newest = null;
    HttpConnection[] expired = null;
    int expiredCount = 0;
    synchronized (this) {
      int kept = 0;
      for (int i = 0; i < count; i++) {
        HttpConnection connection = idle[i];
        idle[i] = null;
        if (connection.idleLongerThan(maxIdleMillis)) {
          if (expired == null) {
            expired = new HttpConnection[count];
          }
          expired[expiredCount++] = connection;
        } else {
          idle[kept++] = connection;
        }
      }
      count = kept;
      if (count > 0) {
        newest = idle[--count];
        idle[count] = null;
      }
    }
    // Closed outside the lock: a TLS close writes to the network.
    for (int i = 0; i < expiredCount; i++) {
      expired[i].close();
    }
    return newest;
  }

  /** Keeps {@code connection} for a later request; {@code false} when the pool is full (the caller closes it). */
  boolean offer(HttpConnection connection) {
    connection.markIdle();
    synchronized (this) {
      if (count == idle.length) {
        return false;
      }
      idle[count++] = connection;
      return true;
    }
  }

  /** Closes every idle connection. */
  void closeAll() {
    HttpConnection[] all;
    synchronized (this) {
      all = new HttpConnection[count];
      while (count > 0) {
        all[count - 1] = idle[count - 1];
        idle[--count] = null;
      }
    }
    for (HttpConnection connection : all) {
      connection.close();
    }
  }
}
