package io.github.lambdamw.sample;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scheduled job as people write them, run by an EventBridge cron. It knows nothing of maintenance
 * windows: the layer decides whether it runs. Its log line and answer make each real run easy to
 * spot.
 */
public final class ScheduledJobHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final Clock clock;

  /** The constructor Lambda calls. */
  public ScheduledJobHandler() {
    this(Clock.systemUTC());
  }

  ScheduledJobHandler(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    String receivedAt = clock.instant().toString();
    // A manual "aws lambda invoke" without a payload delivers null; the job still runs.
    Map<String, Object> safeEvent = event == null ? Map.of() : event;
    context.getLogger().log("scheduled job ran at " + receivedAt + " with event " + safeEvent);

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("message", "scheduled job ran");
    result.put("receivedAt", receivedAt);
    result.put("eventKeys", sortedKeys(safeEvent));
    // EventBridge's "time" is when the schedule fired; with the window it can lag receivedAt (a
    // replay).
    Object scheduledFor = safeEvent.get("time");
    if (scheduledFor != null) {
      result.put("scheduledFor", scheduledFor.toString());
    }
    return result;
  }

  private static List<String> sortedKeys(Map<String, Object> event) {
    List<String> keys = new ArrayList<>(event.keySet());
    keys.sort(null);
    return keys;
  }
}
