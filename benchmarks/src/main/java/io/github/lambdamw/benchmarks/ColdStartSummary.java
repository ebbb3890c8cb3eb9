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
 * ratios), and the ratio of the median CPU times where the files have them. The JDK and the CPU
 * count are read from the file names ({@code …-jdk17-1cpu….csv}).
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
    // "function variant cpus jdk" -> per-round ms, rounds in order; CPU ms likewise, where recorded
    Map<String, List<Double>> wall = new TreeMap<>();
    Map<String, List<Double>> cpu = new TreeMap<>();
    TreeSet<String> rows = new TreeSet<>();
    TreeSet<String> jdks = new TreeSet<>();
    for (Path file : files) {
      Matcher name = NAME.matcher(file.getFileName().toString());
      if (!name.matches()) {
        throw new IllegalArgumentException("not a cold-start result file: " + file);
      }
      String jdk = name.group(1);
      String cpus = name.group(2);
      jdks.add(jdk);
      List<String> lines = Files.readAllLines(file);
      for (String line : lines.subList(1, lines.size())) {
        String[] cells = line.split(",");
        String row = cells[1] + " " + cells[2] + " " + cpus;
        rows.add(row);
        wall.computeIfAbsent(row + " " + jdk, k -> new ArrayList<>())
            .add(Double.parseDouble(cells[3]));
        if (cells.length > 4) {
          cpu.computeIfAbsent(row + " " + jdk, k -> new ArrayList<>())
              .add(Double.parseDouble(cells[4]));
        }
      }
    }
    StringBuilder text = new StringBuilder(String.format("%n### %s: first response%n%n", title));
    text.append("| function | variant | CPUs |");
    jdks.forEach(
        j -> text.append(" JDK ").append(j).append(": none → variant, ms | ratio | CPU ratio |"));
    text.append("\n|---|---|---|");
    jdks.forEach(j -> text.append("---|---|---|"));
    text.append("\n");
    for (String row : rows) {
      String[] parts = row.split(" ");
      if (parts[1].equals("none")) {
        continue;
      }
      text.append(String.format("| %s | %s | %s |", parts[0], parts[1], parts[2]));
      String baseline = parts[0] + " none " + parts[2];
      for (String jdk : jdks) {
        List<Double> guarded = wall.get(row + " " + jdk);
        List<Double> none = wall.get(baseline + " " + jdk);
        if (guarded == null || none == null) {
          text.append(" – | – | – |");
          continue;
        }
        double g = Stats.of(guarded).median();
        double b = Stats.of(none).median();
        text.append(
            String.format(
                Locale.ROOT,
                " %.0f → %.0f | **%.2f** (%.2f) | %s |",
                b,
                g,
                g / b,
                ColdStartBenchmark.pairedRatio(guarded, none),
                ratioOfMedians(cpu.get(row + " " + jdk), cpu.get(baseline + " " + jdk))));
      }
      text.append("\n");
    }
    return text.append(headline(wall, rows, jdks)).toString();
  }

  /**
   * The headline table of docs/performance.md: a row per function and guarded variant, a column per
   * CPU count, each cell the ratios of medians of every JDK, e.g. {@code 1.12 / 1.09}.
   */
  private static String headline(
      Map<String, List<Double>> wall, TreeSet<String> rows, TreeSet<String> jdks) {
    TreeSet<String> cpuCounts = new TreeSet<>();
    TreeSet<String> guarded = new TreeSet<>();
    for (String row : rows) {
      String[] parts = row.split(" ");
      cpuCounts.add(parts[2]);
      if (!parts[1].equals("none")) {
        guarded.add(parts[0] + " " + parts[1]);
      }
    }
    StringBuilder text =
        new StringBuilder(
            String.format(
                "%nRatio of medians, guarded / unguarded, JDK %s:%n%n| function |",
                String.join(" / ", jdks)));
    cpuCounts.forEach(c -> text.append(c.equals("1") ? " 1 CPU |" : " " + c + " CPUs |"));
    text.append("\n|---|");
    cpuCounts.forEach(c -> text.append("---|"));
    text.append("\n");
    for (String functionVariant : guarded) {
      String[] parts = functionVariant.split(" ");
      text.append("| ").append(parts[0]).append(parts[1].equals("agent") ? "" : " " + parts[1]);
      text.append(" |");
      for (String cpus : cpuCounts) {
        List<String> cells = new ArrayList<>();
        for (String jdk : jdks) {
          List<Double> g = wall.get(functionVariant + " " + cpus + " " + jdk);
          List<Double> b = wall.get(parts[0] + " none " + cpus + " " + jdk);
          cells.add(
              g == null || b == null
                  ? "–"
                  : String.format(
                      Locale.ROOT, "%.2f", Stats.of(g).median() / Stats.of(b).median()));
        }
        text.append(" ").append(String.join(" / ", cells)).append(" |");
      }
      text.append("\n");
    }
    return text.toString();
  }

  private static String ratioOfMedians(List<Double> guarded, List<Double> none) {
    if (guarded == null || none == null) {
      return "–";
    }
    return String.format(Locale.ROOT, "%.2f", Stats.of(guarded).median() / Stats.of(none).median());
  }
}
