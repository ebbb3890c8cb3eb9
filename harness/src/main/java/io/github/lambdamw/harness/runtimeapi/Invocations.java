package io.github.lambdamw.harness.runtimeapi;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The invocations of one function: a queue the runtime's {@code next} polls take from, the ones in
 * flight by request id, their timeouts, and the counters tests read. Thread-safe.
 */
final class Invocations {

  static final String UNHANDLED = "Unhandled";

  private final BlockingDeque<Invocation> queued = new LinkedBlockingDeque<>();
  private final ConcurrentMap<String, Invocation> inFlight = new ConcurrentHashMap<>();
  private final List<InvokeResult> results = new ArrayList<>();
  private final ScheduledExecutorService timer;
  private final Duration timeout;
  private final CountDownLatch firstPoll = new CountDownLatch(1);
  private volatile InitError initError;

  final AtomicLong received = new AtomicLong();
  final AtomicLong polls = new AtomicLong();
  final AtomicInteger waitingPolls = new AtomicInteger();
  final AtomicLong responses = new AtomicLong();
  final AtomicLong errors = new AtomicLong();
  final AtomicLong timeouts = new AtomicLong();
  final AtomicLong lateAnswers = new AtomicLong();
  final AtomicLong firstResponseNanos = new AtomicLong();

  Invocations(ScheduledExecutorService timer, Duration timeout) {
    this.timer = timer;
    this.timeout = timeout;
  }

  Duration timeout() {
    return timeout;
  }

  /**
   * Queues an invocation for the next poll; fails it at once when the runtime reported an init
   * error.
   */
  void submit(Invocation invocation) {
    received.incrementAndGet();
    queued.add(invocation);
    if (initError != null) {
      failQueuedWithInitError();
    }
  }

  /** Blocks until an invocation is queued, then starts its clock (Lambda-Runtime-Deadline-Ms). */
  Invocation next() throws InterruptedException {
    polls.incrementAndGet();
    waitingPolls.incrementAndGet();
    firstPoll.countDown();
    Invocation invocation;
    try {
      invocation = queued.take();
    } finally {
      waitingPolls.decrementAndGet();
    }
    long timeoutMs = timeout.toMillis();
    invocation.deadlineMs = System.currentTimeMillis() + timeoutMs;
    inFlight.put(invocation.requestId, invocation);
    invocation.timeout =
        timer.schedule(() -> timeOut(invocation), timeoutMs, TimeUnit.MILLISECONDS);
    return invocation;
  }

  /** Puts back an invocation whose delivery to a poller failed (the runtime died mid-poll). */
  void requeue(Invocation invocation) {
    if (inFlight.remove(invocation.requestId, invocation)) {
      invocation.timeout.cancel(false);
      queued.addFirst(invocation);
    }
  }

  /** The runtime's answer; false when the request id is unknown to this runtime. */
  boolean respond(String requestId, byte[] body) {
    Invocation invocation = inFlight.remove(requestId);
    if (invocation == null) {
      return false;
    }
    if (invocation.claim()) {
      firstResponseNanos.compareAndSet(0, System.nanoTime());
      responses.incrementAndGet();
      finish(invocation, body, null, null);
    } else {
      lateAnswers.incrementAndGet();
    }
    return true;
  }

  /** The runtime's error report; false when the request id is unknown to this runtime. */
  boolean fail(String requestId, String errorType, byte[] body) {
    Invocation invocation = inFlight.remove(requestId);
    if (invocation == null) {
      return false;
    }
    if (invocation.claim()) {
      errors.incrementAndGet();
      finish(invocation, body, UNHANDLED, errorType);
    } else {
      lateAnswers.incrementAndGet();
    }
    return true;
  }

  /**
   * Records an init error. Lambda answers the invocations waiting for that runtime with the error
   * it posted, so the queued ones fail now and later ones as soon as they come.
   */
  void initError(InitError error) {
    initError = error;
    failQueuedWithInitError();
  }

  InitError initError() {
    return initError;
  }

  private void failQueuedWithInitError() {
    InitError error = initError;
    Invocation invocation;
    while ((invocation = queued.poll()) != null) {
      if (invocation.claim()) {
        errors.incrementAndGet();
        finish(invocation, error.body(), UNHANDLED, error.errorType());
      }
    }
  }

  /**
   * Answers like Lambda when the deadline passes; a later answer from the runtime is only counted.
   */
  private void timeOut(Invocation invocation) {
    // Keep the entry in inFlight so a late answer is recognised (and counted) rather than refused.
    String message =
        String.format(
            Locale.ROOT,
            "%s %s Task timed out after %.2f seconds",
            Instant.now(),
            invocation.requestId,
            timeout.toMillis() / 1000.0);
    byte[] body = ("{\"errorMessage\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
    if (invocation.claim()) {
      timeouts.incrementAndGet();
      finish(invocation, body, UNHANDLED, "Sandbox.Timedout");
    }
  }

  boolean awaitFirstPoll(Duration wait) throws InterruptedException {
    return firstPoll.await(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Records the answer, then hands it to whoever waits: results() never lags behind a result. */
  private void finish(
      Invocation invocation, byte[] body, String functionError, String runtimeErrorType) {
    InvokeResult result = invocation.answer(body, functionError, runtimeErrorType);
    synchronized (results) {
      results.add(result);
      results.notifyAll();
    }
    invocation.result.complete(result);
  }

  /** The completed invocations, in completion order. */
  List<InvokeResult> results() {
    synchronized (results) {
      return List.copyOf(results);
    }
  }

  /** Waits until at least {@code count} invocations have completed; returns them all. */
  List<InvokeResult> awaitResults(int count, Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    synchronized (results) {
      while (results.size() < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        TimeUnit.NANOSECONDS.timedWait(results, left);
      }
      return List.copyOf(results);
    }
  }

  /** Invocations queued and not yet taken by a runtime. */
  int queuedCount() {
    return queued.size();
  }
}
