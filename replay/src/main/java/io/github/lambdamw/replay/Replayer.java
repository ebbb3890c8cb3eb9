package io.github.lambdamw.replay;

import io.github.lambdamw.replay.ItemOutcome.Result;
import io.github.lambdamw.replay.internal.ClientContexts;
import io.github.lambdamw.replay.internal.DeferralTable;
import io.github.lambdamw.replay.internal.InvokeOutcome;
import io.github.lambdamw.replay.internal.LambdaInvoker;
import io.github.lambdamw.replay.internal.Pacer;
import io.github.lambdamw.replay.internal.StoredPayload;
import io.github.lambdamw.replay.internal.WindowGuard;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Replays a function's deferred invocations in arrival order, one at a time. For each item:
 *
 * <ol>
 *   <li>mark it {@code replayState=IN_FLIGHT} with this run's token (a conditional update that
 *       fails if any run has already marked it), which also reads the whole item consistently;
 *   <li>invoke the target with the stored payload, byte for byte, and the original request id in
 *       the client context;
 *   <li>accepted: delete it (conditional on the token). Refused: clear the mark, add 1 to {@code
 *       replayAttempts}, keep {@code lastReplayError}. Unknown (no answer): keep the mark and
 *       record the error, so no later run sends it again unless told to ({@link
 *       ReplaySettings#includeInFlight()}).
 * </ol>
 *
 * A run killed anywhere leaves at most the one item it was working on in flight; later runs skip
 * it. See the README for the guarantee.
 */
public final class Replayer {
  private final ReplaySettings settings;
  private final DeferralTable table;
  private final LambdaInvoker invoker;
  private final WindowGuard guard;

  public Replayer(
      ReplaySettings settings, DynamoDbClient dynamo, LambdaClient lambda, SsmClient ssm) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.table = new DeferralTable(dynamo, settings.tableName(), settings.functionName());
    this.invoker = new LambdaInvoker(lambda, settings.target(), settings.synchronous());
    this.guard = new WindowGuard(ssm, settings.parameterName());
  }

  /**
   * Replays until the selection is exhausted or the limit is reached; throws {@link
   * ReplayRefusedException}.
   */
  public ReplaySummary run(ReplayListener listener) {
    return run(listener, () -> true);
  }

  /**
   * As {@link #run(ReplayListener)}, asking {@code keepGoing} before each item (a Lambda function
   * stops before its own timeout this way). An interrupt stops the run between items, too.
   */
  public ReplaySummary run(ReplayListener listener, BooleanSupplier keepGoing) {
    if (settings.force()) {
      listener.note("--force: the window is not checked");
    } else {
      String note = guard.requireClosed(Instant.now(), settings.settle());
      if (note != null) {
        listener.note(note);
      }
    }
    String token = UUID.randomUUID().toString();
    Pacer pacer = new Pacer(settings.rate());
    long replayed = 0;
    long failed = 0;
    long uncertain = 0;
    long skipped = 0;
    long wouldReplay = 0;
    String stoppedEarly = null;
    for (DeferredInvocation listed : table.inArrivalOrder(settings.from(), settings.to())) {
      long handled = replayed + failed + uncertain + wouldReplay;
      if (settings.limit() > 0 && handled >= settings.limit()) {
        stoppedEarly = "limit of " + settings.limit() + " reached";
        break;
      }
      if (Thread.currentThread().isInterrupted() || !keepGoing.getAsBoolean()) {
        stoppedEarly = "asked to stop";
        break;
      }
      if (listed.inFlight() && !settings.includeInFlight()) {
        skipped++;
        listener.itemDone(new ItemOutcome(listed, Result.SKIPPED, inFlightNote(listed)));
        continue;
      }
      if (settings.dryRun()) {
        wouldReplay++;
        listener.itemDone(new ItemOutcome(listed, Result.WOULD_REPLAY, null));
        continue;
      }
      try {
        pacer.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stoppedEarly = "interrupted";
        break;
      }
      Map<String, AttributeValue> item =
          table.take(listed.requestId(), token, settings.includeInFlight());
      if (item == null) {
        skipped++;
        listener.itemDone(
            new ItemOutcome(listed, Result.SKIPPED, "replayed or taken by another run meanwhile"));
        continue;
      }
      InvokeOutcome outcome;
      try {
        byte[] payload = table.payload(item);
        String context =
            ClientContexts.forReplay(
                DeferralTable.text(item, "clientContext"),
                listed.requestId(),
                DeferralTable.text(item, "arrivedAt"));
        outcome = invoker.invoke(payload, context);
      } catch (StoredPayload.PayloadException e) {
        outcome =
            new InvokeOutcome(
                InvokeOutcome.Verdict.REFUSED, "stored payload unusable: " + e.getMessage(), false);
      } catch (InterruptedException e) {
        // Interrupted while backing off from throttling: nothing was accepted.
        Thread.currentThread().interrupt();
        outcome =
            new InvokeOutcome(InvokeOutcome.Verdict.REFUSED, "interrupted while throttled", false);
      }
      switch (outcome.verdict()) {
        case ACCEPTED -> {
          if (!table.remove(item, token)) {
            listener.note(
                listed.requestId()
                    + ": accepted, but another run had taken the item over; it kept it");
          }
          replayed++;
          listener.itemDone(new ItemOutcome(listed, Result.REPLAYED, null));
        }
        case REFUSED -> {
          table.release(listed.requestId(), token, outcome.detail());
          failed++;
          listener.itemDone(new ItemOutcome(listed, Result.FAILED, outcome.detail()));
        }
        case UNKNOWN -> {
          table.keepInFlight(listed.requestId(), token, outcome.detail());
          uncertain++;
          listener.itemDone(new ItemOutcome(listed, Result.UNCERTAIN, outcome.detail()));
        }
      }
      if (outcome.fatal()) {
        stoppedEarly = "no later invocation can succeed: " + outcome.detail();
        break;
      }
    }
    long left = table.count(settings.from(), settings.to());
    return new ReplaySummary(replayed, failed, uncertain, skipped, wouldReplay, left, stoppedEarly);
  }

  private static String inFlightNote(DeferredInvocation listed) {
    return "left in flight by an earlier run"
        + (listed.lastReplayError() == null
            ? " (it may have reached Lambda)"
            : ": " + listed.lastReplayError())
        + "; --include-in-flight replays it";
  }
}
