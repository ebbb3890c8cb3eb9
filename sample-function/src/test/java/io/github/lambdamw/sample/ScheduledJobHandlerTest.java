package io.github.lambdamw.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScheduledJobHandlerTest {
  private static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");

  private final ScheduledJobHandler handler =
      new ScheduledJobHandler(Clock.fixed(NOW, ZoneOffset.UTC));
  private final RecordingContext context = new RecordingContext();

  @Test
  void scheduledEvent_answersWithMessageTimeSortedKeysAndScheduledTime() {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("source", "aws.events");
    event.put("detail-type", "Scheduled Event");
    event.put("time", "2026-12-01T02:59:59Z");

    Map<String, Object> result = handler.handleRequest(event, context);

    assertThat(result)
        .containsEntry("message", "scheduled job ran")
        .containsEntry("receivedAt", "2026-12-01T03:00:00Z")
        .containsEntry("eventKeys", List.of("detail-type", "source", "time"))
        .containsEntry("scheduledFor", "2026-12-01T02:59:59Z");
  }

  @Test
  void scheduledEvent_logsTheTimeAndTheEventThroughTheLambdaLogger() {
    handler.handleRequest(Map.of("source", "aws.events"), context);

    assertThat(context.logLines)
        .singleElement()
        .asString()
        .contains("scheduled job ran at 2026-12-01T03:00:00Z")
        .contains("source=aws.events");
  }

  @Test
  void nullEvent_fromAManualInvokeStillRunsWithNoKeys() {
    Map<String, Object> result = handler.handleRequest(null, context);

    assertThat(result).containsEntry("eventKeys", List.of()).doesNotContainKey("scheduledFor");
  }
}
