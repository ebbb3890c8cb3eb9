package io.github.lambdamw.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The headline table of docs/performance.md from the CSV files of {@link ColdStartBenchmark} runs:
 * per function, variant and CPU count, the medians of JDK 17 and 25 and their ratio to the
 * unguarded function of the same run (ratio of medians, and in brackets the median of the per-round
 * ratios). The JDK and the CPU count are read from the file names ({@code …-jdk17-1cpu….csv}).
 *
 * <p>{@code <title> <csv>…}
 */
public final class ColdStartSummary {
  private static final Pattern NAME = Pattern.compile(".*-jdk(\\w+)-(\\d)cpu.*\\.csv");

  private ColdStartSummary() {}

  public static void main(String[] argv) throws Exception {
    List<Path> files = new ArrayList<>();
    for (int i = 1; i < argv.length; i++) {
      files.add(Path.of(argv[i]));
    }
    System.out.println(summary(argv[0], files));
  }

  static String summary(String title, List<Path> files) throws IOException {
    // function -> variant -> cpus -> jdk -> per-round ms, rounds in order
    Map<String, Map<String, Map<Integer, Map<String, List<Double>>>>> runs = new TreeMap<>();
    TreeSet<String> jdks = new TreeSet<>();
    for (Path file : files) {
      Matcher name = NAME.matcher(file.getFileName().toString());
      if (!name.matches()) {
        throw new IllegalArgumentException("not a cold-start result file: " + file);
      }
      String jdk = name.group(1);
      int cpus = Integer.parseInt(name.group(2));
      jdks.add(jdk);
      List<String> lines = Files.readAllLines(file);
      for (String line : lines.subList(1, lines.size())) {
        String[] cells = line.split(",");
        runs.computeIfAbsent(cells[1], f -> new TreeMap<>())
            .computeIfAbsent(cells[2], v -> new TreeMap<>())
            .computeIfAbsent(cpus, c -> new TreeMap<>())
            .computeIfAbsent(jdk, j -> new ArrayList<>())
            .add(Double.parseDouble(cells[3]));
      }
    }
    StringBuilder text = new StringBuilder(String.format("%n### %s: first response%n%n", title));
    text.append("| function | variant | CPUs |");
    jdks.forEach(j -> text.append(" JDK ").append(j).append(": none → variant, ms | ratio |"));
    text.append("\n|---|---|---|");
    jdks.forEach(j -> text.append("---|---|"));
    text.append("\n");
    for (var function : runs.entrySet()) {
      Map<String, Map<Integer, Map<String, List<Double>>>> none = function.getValue();
      for (var variant : function.getValue().entrySet()) {
        if (variant.getKey().equals("none")) {
          continue;
        }
        for (var cpus : variant.getValue().entrySet()) {
          text.append(
              String.format(
                  "| %s | %s | %d |", function.getKey(), variant.getKey(), cpus.getKey()));
          for (String jdk : jdks) {
            List<Double> guarded = cpus.getValue().get(jdk);
            List<Double> baseline =
                none.getOrDefault("none", Map.of()).getOrDefault(cpus.getKey(), Map.of()).get(jdk);
            if (guarded == null || baseline == null) {
              text.append(" – | – |");
              continue;
            }
            double g = Stats.of(guarded).median();
            double b = Stats.of(baseline).median();
            text.append(
                String.format(
                    Locale.ROOT,
                    " %.0f → %.0f | **%.2f** (%.2f) |",
                    b,
                    g,
                    g / b,
                    ColdStartBenchmark.pairedRatio(guarded, baseline)));
          }
          text.append("\n");
        }
      }
    }
    return text.toString();
  }
}
