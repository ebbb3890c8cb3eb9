package io.github.lambdamw.harness.runtimeapi;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SnapStart as the runtime interface client sees it: with {@code
 * AWS_LAMBDA_INITIALIZATION_TYPE=snap-start} it runs its CRaC context's {@code beforeCheckpoint},
 * then calls {@code GET /runtime/restore/next}, which Lambda answers only once the snapshot has
 * been restored, then runs {@code afterRestore} and polls for invocations. Here the test decides
 * when the "restore" happens ({@link LocalLambda#restore()}); no real snapshot is taken.
 */
final class SnapStartRestore {
  private final CountDownLatch checkpointReached = new CountDownLatch(1);
  private final CountDownLatch restored = new CountDownLatch(1);
  final AtomicInteger restoreErrors = new AtomicInteger();

  /** Blocks the runtime's {@code restore/next} until the test restores. */
  void awaitRestore() throws InterruptedException {
    checkpointReached.countDown();
    restored.await();
  }

  boolean awaitCheckpoint(Duration wait) throws InterruptedException {
    return checkpointReached.await(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  void restore() {
    restored.countDown();
  }
}
