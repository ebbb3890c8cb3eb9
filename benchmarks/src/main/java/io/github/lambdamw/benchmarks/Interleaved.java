package io.github.lambdamw.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Modes measured round after round, each round starting one mode later, after one warm-up round
 * that is not counted: noise on a shared machine then hits every mode alike.
 */
final class Interleaved {
  private Interleaved() {}

  /** One measurement of one mode, in ms. */
  interface Measure {
    double millis(String mode) throws Exception;
  }

  static Map<String, List<Double>> run(List<String> modes, int runs, Measure measure)
      throws Exception {
    Map<String, List<Double>> millis = new LinkedHashMap<>();
    modes.forEach(m -> millis.put(m, new ArrayList<>()));
    for (int round = -1; round < runs; round++) {
      for (int i = 0; i < modes.size(); i++) {
        String mode = modes.get(Math.floorMod(i + round, modes.size()));
        double ms = measure.millis(mode);
        if (round >= 0) {
          millis.get(mode).add(ms);
        }
        System.err.printf(Locale.ROOT, "round %d %s %.1f ms%n", round, mode, ms);
      }
    }
    return millis;
  }
}
