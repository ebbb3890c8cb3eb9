package io.github.lambdamw.cli.window;

import io.github.lambdamw.cli.internal.PlanJson;
import io.github.lambdamw.replay.internal.Terminals;
import io.github.lambdamw.window.WindowPlan;
import io.github.lambdamw.windowtext.Occurrences;
import io.github.lambdamw.windowtext.Timeline;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import picocli.CommandLine.Option;

/**
 * {@code --days}, {@code --zone}, {@code --plain}, {@code --json}: the days ahead, for {@code
 * status} and {@code check}.
 */
final class TimelineOptions {
  @Option(
      names = "--days",
      paramLabel = "N",
      defaultValue = "7",
      description = "Show the next N days as a timeline (default: ${DEFAULT-VALUE}; 0: none).")
  int days;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      description =
          "Time zone of the timeline, e.g. Europe/Paris (default: the first recurring window's, else UTC).")
  ZoneId zone;

  @Option(
      names = "--plain",
      description = "ASCII timeline (the default when the output is not a terminal).")
  boolean plain;

  @Option(
      names = "--json",
      description = "Print the status and the occurrences of the next --days as JSON instead.")
  boolean json;

  /** The timeline's zone: {@code --zone}, else the first recurring window's, else UTC. */
  ZoneId zone(WindowPlan plan) {
    return zone != null ? zone : Timeline.zoneOf(plan);
  }

  /** Prints the timeline of the {@link #days} days from the one {@code at} falls on. */
  void printTimeline(PrintWriter out, WindowPlan plan, Instant at) {
    if (days <= 0) {
      return;
    }
    Timeline.Style style =
        plain || !Terminals.isInteractive() ? Timeline.Style.PLAIN : Timeline.Style.TERMINAL;
    out.println();
    Timeline.print(out, plan, at, days, zone(plan), style);
  }

  /**
   * The status at {@code at} and the occurrences from {@code at} to {@link #days} days later, as
   * JSON.
   */
  String json(String parameter, WindowPlan plan, Instant at) {
    Instant to = at.plus(Duration.ofDays(Math.max(0, days)));
    return PlanJson.of(parameter, plan, at, Occurrences.between(plan, at, to), at, to, zone(plan));
  }
}
