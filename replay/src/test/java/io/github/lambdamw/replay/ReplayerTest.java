package io.github.lambdamw.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.jr.ob.JSON;
import io.github.lambdamw.replay.LocalInvokeApiStandIn.Answer;
import io.github.lambdamw.replay.LocalInvokeApiStandIn.Received;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ReplayerTest {
  private static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");

  private static Dynoxide dynoxide;
  private Rig rig;

  @BeforeAll
  static void startDynoxide() throws Exception {
    dynoxide = Dynoxide.start();
  }

  @AfterAll
  static void stopDynoxide() throws Exception {
    dynoxide.close();
  }

  @BeforeEach
  void newRig() throws Exception {
    rig = new Rig(dynoxide);
  }

  @AfterEach
  void closeRig() {
    rig.close();
  }

  /**
   * Defers {@code count} events of mixed sizes, written in shuffled order; returns them in arrival
   * order.
   */
  private List<byte[]> deferMixed(int count) {
    List<byte[]> payloads = new ArrayList<>();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int size = i % 10 == 0 ? 150_000 + i * 1000 : 40 + (i * 97) % 9000;
      payloads.add(Payloads.json(i, size, i % 3 != 0));
      order.add(i);
    }
    Collections.shuffle(order, new Random(42));
    for (int i : order) {
      rig.table.defer(Rig.FUNCTION, Rig.requestId(), payloads.get(i), T0.plusMillis(i * 7L), null);
    }
    return payloads;
  }

  private static List<byte[]> payloadsOf(List<Received> received) {
    return received.stream().map(Received::payload).toList();
  }

  @Test
  void replaysAHundredDeferredEventsOfMixedSizesByteForByteInArrivalOrderAndEmptiesTheTable() {
    List<byte[]> expected = deferMixed(100);

    ReplaySummary summary = rig.replay(rig.settings().build());

    assertThat(payloadsOf(rig.lambdaServer.received())).containsExactlyElementsOf(expected);
    assertThat(rig.lambdaServer.received())
        .extracting(Received::invocationType)
        .containsOnly("Event");
    assertThat(summary).isEqualTo(new ReplaySummary(100, 0, 0, 0, 0, 0, null));
    assertThat(summary.exitCode()).isZero();
    assertThat(rig.table.count()).isZero();
  }

  @Test
  void carriesTheOriginalRequestIdInTheClientContextMergedIntoTheOriginalCustomMap()
      throws Exception {
    String original =
        "{\"client\":{\"app_title\":\"shop\"},\"custom\":{\"tenant\":\"acme\"},\"env\":{\"locale\":\"en\"}}";
    rig.table.defer(Rig.FUNCTION, "req-with-context", Payloads.json(1, 64, true), T0, original);
    rig.table.defer(
        Rig.FUNCTION, "req-without-context", Payloads.json(2, 64, true), T0.plusMillis(1), null);

    rig.replay(rig.settings().withSynchronous(true).build());

    List<Received> received = rig.lambdaServer.received();
    Map<String, Object> first = JSON.std.mapFrom(received.get(0).clientContextJson());
    assertThat(first)
        .containsEntry("client", Map.of("app_title", "shop"))
        .containsEntry("env", Map.of("locale", "en"));
    assertThat(first.get("custom"))
        .isEqualTo(
            Map.of(
                "tenant", "acme",
                "maintenanceWindowOriginalRequestId", "req-with-context",
                "maintenanceWindowArrivedAt", T0.toString()));
    Map<String, Object> second = JSON.std.mapFrom(received.get(1).clientContextJson());
    assertThat(second)
        .containsEntry(
            "custom",
            Map.of(
                "maintenanceWindowOriginalRequestId",
                "req-without-context",
                "maintenanceWindowArrivedAt",
                T0.plusMillis(1).toString()));
  }

  @Test
  void aFunctionErrorLeavesTheItemWithItsAttemptCountAndLastErrorAndALaterRunRetriesIt() {
    List<byte[]> expected = deferMixed(10);
    rig.lambdaServer.behave(
        r ->
            new String(r.payload(), StandardCharsets.US_ASCII).startsWith("{\"n\":3,")
                ? Answer.functionFails("cannot book order 3")
                : Answer.ok());

    ReplaySummary first = rig.replay(rig.settings().withSynchronous(true).build());
    ReplaySummary second = rig.replay(rig.settings().withSynchronous(true).build());

    assertThat(first).isEqualTo(new ReplaySummary(9, 1, 0, 0, 0, 1, null));
    assertThat(first.exitCode()).isEqualTo(1);
    assertThat(second).isEqualTo(new ReplaySummary(0, 1, 0, 0, 0, 1, null));
    var left =
        DeferredInvocations.inArrivalOrder(
            rig.dynamo, rig.table.tableName(), Rig.FUNCTION, null, null);
    assertThat(left)
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.payloadSize()).isEqualTo(expected.get(3).length);
              assertThat(item.replayAttempts()).isEqualTo(2);
              assertThat(item.lastReplayError())
                  .contains("function error (Unhandled)")
                  .contains("cannot book order 3");
              assertThat(item.inFlight()).isFalse();
            });

    rig.lambdaServer.behave(r -> Answer.ok());
    assertThat(rig.replay(rig.settings().withSynchronous(true).build()).replayed()).isEqualTo(1);
    assertThat(rig.table.count()).isZero();
  }

  @Test
  void refusesWhileTheWindowIsOpenAndInvokesNothing() {
    deferMixed(3);
    rig.ssmServer.put(Rig.PARAMETER, Rig.OPEN_WINDOW);

    assertThatThrownBy(() -> rig.replay(rig.settings().build()))
        .isInstanceOf(ReplayRefusedException.class)
        .hasMessageContaining("window is open")
        .hasMessageContaining("--force");
    assertThat(rig.lambdaServer.received()).isEmpty();
    assertThat(rig.table.count()).isEqualTo(3);
  }

  @Test
  void refusesWhenTheWindowClosedWithinTheSettleTime() {
    deferMixed(1);
    Instant now = Instant.now();
    rig.ssmServer.put(Rig.PARAMETER, now.minusSeconds(600) + "," + now.minusSeconds(20));

    assertThatThrownBy(() -> rig.replay(rig.settings().withSettle(Duration.ofSeconds(60)).build()))
        .isInstanceOf(ReplayRefusedException.class)
        .hasMessageContaining("closed less than 60 s ago");
    assertThat(rig.replay(rig.settings().withSettle(Duration.ofSeconds(10)).build()).replayed())
        .isEqualTo(1);
  }

  @Test
  void refusesWhenTheWindowValueCannotBeParsed() {
    rig.ssmServer.put(Rig.PARAMETER, "next tuesday, probably");

    assertThatThrownBy(() -> rig.replay(rig.settings().build()))
        .isInstanceOf(ReplayRefusedException.class)
        .hasMessageContaining("no valid window");
  }

  @Test
  void forceReplaysWhileTheWindowIsOpen() {
    deferMixed(2);
    rig.ssmServer.put(Rig.PARAMETER, Rig.OPEN_WINDOW);

    assertThat(rig.replay(rig.settings().withForce(true).build()).replayed()).isEqualTo(2);
  }

  @Test
  void aMissingParameterMeansNoWindowAndTheReplayRuns() {
    deferMixed(2);
    rig.ssmServer.remove(Rig.PARAMETER);
    List<String> notes = new ArrayList<>();

    ReplaySummary summary =
        rig.replayer(rig.settings().build())
            .run(
                new ReplayListener() {
                  @Override
                  public void itemDone(ItemOutcome outcome) {}

                  @Override
                  public void note(String message) {
                    notes.add(message);
                  }
                });

    assertThat(summary.replayed()).isEqualTo(2);
    assertThat(notes).singleElement().asString().contains("does not exist");
  }

  @Test
  void itemsLeftInFlightAreSkippedAndReplayedOnlyWithIncludeInFlight() {
    rig.table.defer(Rig.FUNCTION, "a", Payloads.json(1, 64, true), T0, null);
    rig.table.defer(Rig.FUNCTION, "b", Payloads.json(2, 64, true), T0.plusMillis(1), null);
    rig.table.update(
        Rig.FUNCTION,
        "a",
        "SET replayState = :s, replayToken = :t",
        Map.of(":s", AttributeValue.fromS("IN_FLIGHT"), ":t", AttributeValue.fromS("killed-run")));

    ReplaySummary normal = rig.replay(rig.settings().build());
    assertThat(normal).isEqualTo(new ReplaySummary(1, 0, 0, 1, 0, 1, null));
    assertThat(payloadsOf(rig.lambdaServer.received())).containsExactly(Payloads.json(2, 64, true));

    ReplaySummary included = rig.replay(rig.settings().withIncludeInFlight(true).build());
    assertThat(included).isEqualTo(new ReplaySummary(1, 0, 0, 0, 0, 0, null));
    assertThat(payloadsOf(rig.lambdaServer.received()))
        .containsExactly(Payloads.json(2, 64, true), Payloads.json(1, 64, true));
  }

  @Test
  void anUnansweredInvokeLeavesTheItemInFlightSoNoLaterRunSendsItAgain() {
    rig.table.defer(Rig.FUNCTION, "lost-answer", Payloads.json(1, 64, true), T0, null);
    rig.lambdaServer.behave(r -> Answer.serviceError(500, "ServiceException"));

    ReplaySummary first = rig.replay(rig.settings().build());
    rig.lambdaServer.behave(r -> Answer.ok());
    ReplaySummary second = rig.replay(rig.settings().build());

    assertThat(first).isEqualTo(new ReplaySummary(0, 0, 1, 0, 0, 1, null));
    assertThat(first.exitCode()).isEqualTo(1);
    assertThat(second).isEqualTo(new ReplaySummary(0, 0, 0, 1, 0, 1, null));
    assertThat(rig.lambdaServer.received()).isEmpty();
    Map<String, AttributeValue> item = rig.table.get(Rig.FUNCTION, "lost-answer");
    assertThat(item.get("replayState").s()).isEqualTo("IN_FLIGHT");
    assertThat(item.get("replayAttempts").n()).isEqualTo("1");
    assertThat(item.get("lastReplayError").s()).contains("HTTP 500");
  }

  @Test
  void aFiveMegabytePayloadStoredGzipReplaysIntactSynchronouslyAndIsRefusedAsAnEvent() {
    byte[] big = Payloads.json(7, 5 * 1024 * 1024, true);
    rig.table.defer(Rig.FUNCTION, "big", big, T0, null);
    assertThat(rig.table.get(Rig.FUNCTION, "big").get("payloadEncoding").s()).isEqualTo("gzip");

    ReplaySummary asEvent = rig.replay(rig.settings().build());
    assertThat(asEvent.failed()).isEqualTo(1);
    assertThat(rig.table.get(Rig.FUNCTION, "big").get("lastReplayError").s())
        .contains("413")
        .contains("--sync");

    ReplaySummary sync = rig.replay(rig.settings().withSynchronous(true).build());
    assertThat(sync.replayed()).isEqualTo(1);
    assertThat(rig.lambdaServer.received())
        .singleElement()
        .satisfies(r -> assertThat(r.payload()).isEqualTo(big));
  }

  @Test
  void aThreeMegabyteIncompressiblePayloadStoredInChunksReplaysIntactAndItsChunksAreDeleted() {
    byte[] big = Payloads.json(8, 3 * 1024 * 1024, false);
    rig.table.defer(Rig.FUNCTION, "chunked", big, T0, null);
    rig.table.defer(Rig.FUNCTION, "small", Payloads.json(9, 100, true), T0.plusMillis(1), null);
    assertThat(rig.table.get(Rig.FUNCTION, "chunked"))
        .doesNotContainKey("payload")
        .containsKey("payloadChunks");
    assertThat(rig.table.count()).isGreaterThan(2);

    ReplaySummary summary = rig.replay(rig.settings().withSynchronous(true).build());

    assertThat(summary).isEqualTo(new ReplaySummary(2, 0, 0, 0, 0, 0, null));
    assertThat(payloadsOf(rig.lambdaServer.received()))
        .containsExactly(big, Payloads.json(9, 100, true));
    assertThat(rig.table.count()).as("main item and chunk items").isZero();
  }

  @Test
  void anItemWhoseChunkIsMissingFailsWithTheReasonAndStays() {
    byte[] big = Payloads.json(8, 1024 * 1024, false);
    rig.table.defer(Rig.FUNCTION, "broken", big, T0, null);
    rig.dynamo.deleteItem(
        r ->
            r.tableName(rig.table.tableName())
                .key(
                    Map.of(
                        "functionName", AttributeValue.fromS(Rig.FUNCTION),
                        "requestId", AttributeValue.fromS("broken#chunk#0001"))));

    ReplaySummary summary = rig.replay(rig.settings().withSynchronous(true).build());

    assertThat(summary.failed()).isEqualTo(1);
    assertThat(rig.lambdaServer.received()).isEmpty();
    assertThat(rig.table.get(Rig.FUNCTION, "broken").get("lastReplayError").s())
        .contains("chunk item 'broken#chunk#0001' is missing");
  }

  @Test
  void aDryRunInvokesNothingAndChangesNothing() {
    deferMixed(5);
    List<ItemOutcome> outcomes = new ArrayList<>();

    ReplaySummary summary =
        rig.replayer(rig.settings().withDryRun(true).build()).run(outcomes::add);

    assertThat(summary).isEqualTo(new ReplaySummary(0, 0, 0, 0, 5, 5, null));
    assertThat(outcomes)
        .extracting(ItemOutcome::result)
        .containsOnly(ItemOutcome.Result.WOULD_REPLAY);
    assertThat(rig.lambdaServer.received()).isEmpty();
    assertThat(rig.table.count()).isEqualTo(5);
  }

  @Test
  void limitAndTimeRangeSelectWhichItemsAreReplayed() {
    List<byte[]> payloads = deferMixed(20); // arrivals at T0 + 7 ms * i

    ReplaySummary ranged =
        rig.replay(
            rig.settings()
                .withFrom(T0.plusMillis(7 * 5))
                .withTo(T0.plusMillis(7 * 15))
                .withLimit(4)
                .build());

    assertThat(payloadsOf(rig.lambdaServer.received()))
        .containsExactlyElementsOf(payloads.subList(5, 9));
    assertThat(ranged.replayed()).isEqualTo(4);
    assertThat(ranged.left()).isEqualTo(6);
    assertThat(ranged.stoppedEarly()).contains("limit of 4");
    assertThat(rig.table.count()).isEqualTo(16);
  }

  @Test
  void theRateSpacesTheInvocations() {
    deferMixed(6);
    long start = System.nanoTime();

    rig.replay(rig.settings().withRate(20).build());

    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(5 * 50));
    assertThat(rig.lambdaServer.received()).hasSize(6);
  }

  @Test
  void aTargetThatDoesNotExistStopsTheRunAtTheFirstRefusal() {
    deferMixed(5);

    ReplaySummary summary = rig.replay(rig.settings().withTarget("no-such-function").build());

    assertThat(summary.failed()).isEqualTo(1);
    assertThat(summary.left()).isEqualTo(5);
    assertThat(summary.stoppedEarly()).contains("ResourceNotFoundException");
  }

  @Test
  void anAliasArnTargetIsInvokedInsteadOfTheFunctionName() {
    deferMixed(1);
    String alias = "arn:aws:lambda:us-east-1:123456789012:function:" + Rig.FUNCTION;

    rig.replay(rig.settings().withTarget(alias).build());

    assertThat(rig.lambdaServer.received())
        .extracting(Received::functionName)
        .containsExactly(alias);
  }
}
