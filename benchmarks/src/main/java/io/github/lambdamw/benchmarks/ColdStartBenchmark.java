package io.github.lambdamw.benchmarks;

import io.github.lambdamw.harness.function.JavaHome;
import io.github.lambdamw.harness.function.LambdaFunction;
import io.github.lambdamw.harness.runtimeapi.InvokeResult;
import io.github.lambdamw.harness.runtimeapi.LocalLambda;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * First-response latency of a cold function: from just before the process starts to the first
 * {@code /response} at the local Runtime API, the event queued before the start. Variants run
 * interleaved, round after round, each round starting one variant later, so that noise on a shared
 * machine hits every variant alike; one warm-up round (file cache) is not counted.
 *
 * <p>{@code --java 17|25|<path> --cpus 2|1 --runs 10 --variants none,agent,agent-open,... --out
 * <csv>}; {@code --tls-trust full|minimal} for the TLS variants: the trust store the function
 * loads, its JDK's cacerts plus the stand-in's certificate (default) or the certificate alone.
 */
public final class ColdStartBenchmark {
  private ColdStartBenchmark() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    String java = args.text("java", "25");
    int cpus = args.number("cpus", 2);
    int runs = args.number("runs", 10);
    List<Variant> variants =
        Variant.parseList(args.text("variants", "none,agent,agent-open,agent-runtime-bytebuddy"));
    Path out =
        Path.of(args.text("out", "target/results/cold-start-jdk" + java + "-" + cpus + "cpu.csv"));
    Path logs = Files.createDirectories(out.resolveSibling("logs"));
    String maxRam = args.text("max-ram", "");
    StandInTls.Trust trust = StandInTls.Trust.parse(args.text("tls-trust", "full"));
    StandInTls tls = null;
    if (variants.stream().anyMatch(v -> v.tls)) {
      JavaHome functionJava = JavaHome.of(LocalAws.javaHome(java));
      String dir = "jdk" + functionJava.featureVersion() + "-" + trust.id();
      tls =
          StandInTls.create(
              Path.of("benchmarks/target/tls", dir).toAbsolutePath(), functionJava, trust);
    }

    Map<Variant, List<Double>> millis = new EnumMap<>(Variant.class);
    variants.forEach(v -> millis.put(v, new ArrayList<>()));
    List<String> csv = new ArrayList<>(List.of("round,variant,first_response_ms"));
    try (LocalAws aws = LocalAws.start(tls)) {
      for (int round = -1; round < runs; round++) {
        for (int i = 0; i < variants.size(); i++) {
          Variant variant = variants.get(Math.floorMod(i + round, variants.size()));
          double ms =
              firstResponseMillis(
                  aws,
                  variant,
                  LocalAws.javaHome(java),
                  cpus,
                  maxRam,
                  logs.resolve(variant + ".log"));
          if (round >= 0) {
            millis.get(variant).add(ms);
            csv.add(round + "," + variant + "," + String.format(Locale.ROOT, "%.1f", ms));
          }
          System.err.printf(Locale.ROOT, "round %d %s %.0f ms%n", round, variant, ms);
        }
      }
    }
    Files.createDirectories(out.getParent());
    Files.write(out, csv);
    System.out.println(
        (maxRam.isEmpty() ? "" : "\n(-XX:MaxRAM=" + maxRam + ")")
            + (tls == null || trust == StandInTls.Trust.FULL
                ? ""
                : "\n(TLS trust store: the stand-in's certificate only)")
            + table(java, cpus, millis));
  }

  static double firstResponseMillis(
      LocalAws aws, Variant variant, Path javaHome, int cpus, String maxRam, Path log)
      throws Exception {
    try (LocalLambda lambda = aws.newLambda()) {
      CompletableFuture<InvokeResult> first = lambda.invokeAsync(LocalAws.EVENT);
      LambdaFunction.Builder builder = aws.function(lambda, variant, javaHome, cpus, log);
      if (!maxRam.isEmpty()) {
        builder.withJvmFlag("-XX:MaxRAM=" + maxRam);
      }
      int tlsReadsBefore = aws.tlsReads();
      try (LambdaFunction function = builder.start()) {
        InvokeResult result = first.get(60, TimeUnit.SECONDS);
        long nanos = lambda.firstResponseNanos() - function.startedAtNanos();
        LocalAws.check(variant, result, function);
        aws.checkWindowRead(variant, function, tlsReadsBefore);
        return nanos / 1e6;
      }
    }
  }

  /** The median over rounds of (this variant / none in the same round). */
  static double pairedRatio(List<Double> variant, List<Double> none) {
    if (none == null || none.size() != variant.size()) {
      return Double.NaN;
    }
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < variant.size(); i++) {
      ratios.add(variant.get(i) / none.get(i));
    }
    return Stats.of(ratios).median();
  }

  static String table(String java, int cpus, Map<Variant, List<Double>> millis) throws IOException {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            "%n### JDK %s, %d CPU%s: first response, ms%n%n",
            java, cpus, cpus == 1 ? " (taskset -c 0)" : "s"));
    text.append(
        "| variant | n | median | p25–p75 | min–max | median / none | median of per-round ratios"
            + " |\n"
            + "|---|---|---|---|---|---|---|\n");
    double none =
        millis.containsKey(Variant.NONE) ? Stats.of(millis.get(Variant.NONE)).median() : Double.NaN;
    for (Map.Entry<Variant, List<Double>> entry : millis.entrySet()) {
      Stats s = Stats.of(entry.getValue());
      text.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.0f | %.0f–%.0f | %.0f–%.0f | %.2f | %.2f |%n",
              entry.getKey(),
              s.n(),
              s.median(),
              s.p25(),
              s.p75(),
              s.min(),
              s.max(),
              s.median() / none,
              pairedRatio(entry.getValue(), millis.get(Variant.NONE))));
    }
    for (Map.Entry<Variant, List<Double>> entry : millis.entrySet()) {
      text.append("\n").append(entry.getKey()).append(": ").append(Stats.values(entry.getValue()));
    }
    return text.append("\n").toString();
  }
}
