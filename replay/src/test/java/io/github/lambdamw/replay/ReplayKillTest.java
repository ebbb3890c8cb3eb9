package io.github.lambdamw.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdamw.replay.LocalInvokeApiStandIn.Answer;
import io.github.lambdamw.replay.LocalInvokeApiStandIn.Received;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replay command in a child JVM, killed (SIGKILL) once Lambda has been handed 40 events, then
 * run again.
 */
class ReplayKillTest {
  private static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");

  @Test
  void aReplayKilledAfterFortyAndRunAgainHandsNoPayloadToLambdaTwice(@TempDir Path temp)
      throws Exception {
    try (Dynoxide dynoxide = Dynoxide.start();
        Rig rig = new Rig(dynoxide)) {
      List<byte[]> payloads = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        byte[] payload = Payloads.json(i, 100 + (i * 131) % 4000, i % 2 == 0);
        payloads.add(payload);
        rig.table.defer(Rig.FUNCTION, Rig.requestId(), payload, T0.plusMillis(i), null);
      }
      // The 41st invocation reaches Lambda but its answer never reaches the replay: the kill lands
      // between them.
      AtomicInteger handed = new AtomicInteger();
      CountDownLatch fortyFirstArrived = new CountDownLatch(1);
      CountDownLatch killed = new CountDownLatch(1);
      rig.lambdaServer.behave(
          r -> {
            if (handed.incrementAndGet() == 41) {
              fortyFirstArrived.countDown();
              await(killed);
            }
            return Answer.ok();
          });

      Process child = startReplay(rig, temp.resolve("first.log"));
      assertThat(fortyFirstArrived.await(60, TimeUnit.SECONDS))
          .as("41 invocations reached Lambda")
          .isTrue();
      child.destroyForcibly();
      assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
      killed.countDown();
      rig.lambdaServer.behave(r -> Answer.ok());

      ReplaySummary rerun = rig.replay(rig.settings().build());

      List<byte[]> received = rig.lambdaServer.received().stream().map(Received::payload).toList();
      assertThat(received)
          .as("each payload handed to Lambda once, in arrival order")
          .containsExactlyElementsOf(payloads);
      assertThat(rerun).isEqualTo(new ReplaySummary(59, 0, 0, 1, 0, 1, null));
      assertThat(
              DeferredInvocations.inArrivalOrder(
                  rig.dynamo, rig.table.tableName(), Rig.FUNCTION, null, null))
          .singleElement()
          .satisfies(
              item -> {
                assertThat(item.inFlight()).isTrue();
                assertThat(item.arrivedAt()).isEqualTo(T0.plusMillis(40));
              });
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Process startReplay(Rig rig, Path log) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                ReplayCommand.class.getName(),
                "run",
                "--function",
                Rig.FUNCTION,
                "--table",
                rig.table.tableName(),
                "--parameter",
                Rig.PARAMETER,
                "--settle-seconds",
                "0")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder
        .environment()
        .putAll(
            LocalAws.environment(
                rig.dynoxide.endpoint(), rig.lambdaServer.endpoint(), rig.ssmServer.endpoint()));
    Process process = builder.start();
    if (!process.isAlive() && process.exitValue() != 0) {
      throw new IllegalStateException("replay did not start: " + Files.readString(log));
    }
    return process;
  }
}
