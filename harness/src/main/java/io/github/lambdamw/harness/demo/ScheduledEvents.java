package io.github.lambdamw.harness.demo;

import io.github.lambdamw.harness.Harness;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** The events an EventBridge schedule sends a function: "Scheduled Event", empty detail. */
final class ScheduledEvents {

  /** The account in the harness's ARNs. */
  private static final String ACCOUNT = "123456789012";

  private ScheduledEvents() {}

  /** The event of the rule {@code ruleName} firing at {@code time}, as JSON bytes. */
  static byte[] firing(String ruleName, Instant time) {
    String json =
        "{\"version\":\"0\",\"id\":\""
            + UUID.randomUUID()
            + "\",\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\",\"account\":\""
            + ACCOUNT
            + "\",\"time\":\""
            + time
            + "\",\"region\":\""
            + Harness.REGION
            + "\",\"resources\":[\"arn:aws:events:"
            + Harness.REGION
            + ":"
            + ACCOUNT
            + ":rule/"
            + ruleName
            + "\"],\"detail\":{}}";
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
