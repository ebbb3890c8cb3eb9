package io.github.lambdamw.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Median and spread of one series of measurements. */
record Stats(int n, double median, double min, double p25, double p75, double max) {

  static Stats of(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (sorted.length == 0) {
      return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    return new Stats(
        sorted.length,
        quantile(sorted, 0.5),
        sorted[0],
        quantile(sorted, 0.25),
        quantile(sorted, 0.75),
        sorted[sorted.length - 1]);
  }

  /** Linear interpolation between the closest ranks. */
  private static double quantile(double[] sorted, double q) {
    double rank = q * (sorted.length - 1);
    int low = (int) Math.floor(rank);
    int high = (int) Math.ceil(rank);
    return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
  }

  /** "median (p25–p75, min–max)" with {@code decimals} digits. */
  String describe(int decimals) {
    String f = "%." + decimals + "f";
    return String.format(
        Locale.ROOT, f + " (" + f + "–" + f + "; " + f + "–" + f + ")", median, p25, p75, min, max);
  }

  static String values(List<Double> values) {
    return Arrays.toString(values.stream().mapToLong(Math::round).toArray());
  }
}
