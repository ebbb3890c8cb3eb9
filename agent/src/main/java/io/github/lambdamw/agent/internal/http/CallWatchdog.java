package io.github.lambdamw.agent.internal.http;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.util.ArrayList;

/**
 * Ends the calls that outlive their deadline. {@code HttpURLConnection}'s timeouts bound the
 * connect and each read, not the call: a server sending one byte every 200 ms keeps a call with a 1
 * s read timeout going for as long as it likes. Closing the socket is the only thing that stops a
 * blocked read, so one daemon thread, started by the first call and waiting while no call runs,
 * does that at each call's deadline:
 *
 * <ul>
 *   <li>it closes the call's TLS socket when {@link WatchedTlsSockets} knows which one it is
 *       (https, the AWS endpoints), at any stage of the call;
 *   <li>and while the answer's head is not read yet, it disconnects the connection: before the
 *       answer, {@code disconnect()} closes the socket without waiting for the connection's locks
 *       and tells the JDK not to send the request again. Not once the body is read: there it would
 *       wait for the read it is meant to stop; the body's reader checks the deadline between reads
 *       instead (a plain-http body stalled mid-way can hold one read timeout more).
 * </ul>
 *
 * It repeats that every {@link #REPEAT_MILLIS} until the call returns: an abort can land before the
 * JDK holds the socket (during the TCP connect), or the JDK may have opened a new one to send the
 * request again.
 */
final class CallWatchdog implements Runnable {
  static final long REPEAT_MILLIS = 20;

  private static CallWatchdog instance;

  private final ArrayList<Call> calls = new ArrayList<>();

  /** One call being watched. Its fields are guarded by the watchdog. */
  static final class Call {
    private final HttpURLConnection connection;
    private final long deadlineNanos;
    private long nextAbortNanos;
    private Socket socket;
    private boolean readingBody;
    private boolean expired;
    private boolean ended;

    private Call(HttpURLConnection connection, long deadlineNanos) {
      this.connection = connection;
      this.deadlineNanos = deadlineNanos;
      this.nextAbortNanos = deadlineNanos;
    }

    /** Whether the deadline has passed, by the clock (the watchdog may not have acted yet). */
    boolean overdue() {
      return System.nanoTime() - deadlineNanos >= 0;
    }
  }

  private CallWatchdog() {}

  /** Watches {@code connection} until {@link #end}; starts the watchdog's thread on first use. */
  static Call watch(HttpURLConnection connection, long deadlineNanos) {
    CallWatchdog watchdog = watchdog();
    Call call = new Call(connection, deadlineNanos);
    synchronized (watchdog) {
      watchdog.calls.add(call);
      watchdog.notifyAll();
    }
    return call;
  }

  /** The socket {@code call} sends on: closed at its deadline. */
  static void socket(Call call, Socket socket) {
    synchronized (watchdog()) {
      call.socket = socket;
    }
  }

  /** The socket {@code call} is known to use, or {@code null}. */
  static Socket socketOf(Call call) {
    synchronized (watchdog()) {
      return call.socket;
    }
  }

  /** The answer's head is read: from now on the connection is not disconnected from this thread. */
  static void readingBody(Call call) {
    synchronized (watchdog()) {
      call.readingBody = true;
    }
  }

  /** Stops watching {@code call}; whether the watchdog had to abort it. */
  static boolean end(Call call) {
    synchronized (watchdog()) {
      call.ended = true;
      watchdog().calls.remove(call);
      return call.expired;
    }
  }

  private static synchronized CallWatchdog watchdog() {
    if (instance == null) {
      instance = new CallWatchdog();
      Thread thread = new Thread(instance, "maintenance-window-http-deadlines");
      thread.setDaemon(true);
      thread.start();
    }
    return instance;
  }

  @Override
  public void run() {
    ArrayList<Call> due = new ArrayList<>();
    while (true) {
      synchronized (this) {
        long now = System.nanoTime();
        long wait = Long.MAX_VALUE;
        for (Call call : calls) {
          long left = call.nextAbortNanos - now;
          if (left <= 0) {
            call.expired = true;
            call.nextAbortNanos = now + REPEAT_MILLIS * 1_000_000L;
            due.add(call);
          } else {
            wait = Math.min(wait, left);
          }
        }
        if (due.isEmpty()) {
          try {
            if (wait == Long.MAX_VALUE) {
              wait(); // no call running: a watch() wakes it
            } else {
              wait(Math.max(1, wait / 1_000_000L));
            }
          } catch (InterruptedException e) {
            // a daemon: it ends with the JVM
          }
          continue;
        }
      }
      // Outside the lock: closing a TLS socket may write its close_notify.
      for (Call call : due) {
        abort(call);
      }
      due.clear();
    }
  }

  private void abort(Call call) {
    Socket socket;
    boolean disconnect;
    synchronized (this) {
      if (call.ended) {
        return;
      }
      socket = call.socket;
      disconnect = !call.readingBody;
    }
    try {
      if (disconnect) {
        call.connection.disconnect();
      }
      if (socket != null) {
        socket.close();
      }
    } catch (IOException | RuntimeException e) {
      // The call fails either way; the watchdog must go on for the others.
    }
  }
}
