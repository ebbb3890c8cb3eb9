package io.github.lambdamw.windowtext;

import io.github.lambdamw.window.Occurrence;
import io.github.lambdamw.window.Window;
import io.github.lambdamw.window.WindowPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The occurrences of a plan's windows that overlap a range of time, earliest first. */
public final class Occurrences {
  /**
   * A window that opens every minute still shows a week of them; past this, the range is cut short.
   */
  private static final int MAX_PER_WINDOW = 20_000;

  private Occurrences() {}

  /**
   * Every occurrence, of every window of {@code plan}, in progress at {@code from} or starting
   * before {@code to}.
   */
  public static List<Occurrence> between(WindowPlan plan, Instant from, Instant to) {
    List<Occurrence> found = new ArrayList<>();
    for (Window window : plan.windows()) {
      Occurrence occurrence = window.occurrenceAt(from);
      if (occurrence == null) {
        occurrence = window.nextOccurrenceAfter(from);
      }
      for (int n = 0;
          occurrence != null && occurrence.start().isBefore(to) && n < MAX_PER_WINDOW;
          n++) {
        found.add(occurrence);
        occurrence = window.nextOccurrenceAfter(occurrence.start());
      }
    }
    found.sort(Comparator.comparing(Occurrence::start));
    return found;
  }
}
