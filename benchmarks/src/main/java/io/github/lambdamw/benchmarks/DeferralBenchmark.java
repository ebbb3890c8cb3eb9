package io.github.lambdamw.benchmarks;

import io.github.lambdamw.harness.function.LambdaFunction;
import io.github.lambdamw.harness.runtimeapi.LocalLambda;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Deferral throughput on one dynoxide, rounds alternating: invocations deferred per second (the
 * sample function with the layer, window open, sequential invocations through the local Runtime
 * API) vs bare conditional PutItem calls of the same item ({@link BarePutItem}, in its own JVM with
 * Lambda's flags), and, for scale, invocations per second of the same function with the window
 * closed (the handler runs; no DynamoDB).
 *
 * <p>{@code --java 25 --rounds 3 --warmup 200 --count 2000}
 */
public final class DeferralBenchmark {
  private DeferralBenchmark() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    String java = args.text("java", "25");
    int rounds = args.number("rounds", 3);
    int warmup = args.number("warmup", 200);
    int count = args.number("count", 2_000);
    Path out = Path.of(args.text("out", "target/results/deferral.csv"));
    Files.createDirectories(out.getParent());
    Map<String, List<Double>> perSecond = new LinkedHashMap<>();
    for (String kind :
        List.of(
            "deferred (agent, window open)",
            "bare PutItem",
            "handler runs (agent, window closed)")) {
      perSecond.put(kind, new ArrayList<>());
    }
    List<String> csv = new ArrayList<>(List.of("round,kind,per_second"));
    String itemBytes = "?";
    try (LocalAws aws = LocalAws.start()) {
      for (int round = 0; round < rounds; round++) {
        String requestId = UUID.randomUUID().toString();
        String functionName;
        double deferred;
        try (LocalLambda lambda = aws.newLambda();
            LambdaFunction function =
                aws.function(
                        lambda,
                        Variant.AGENT_OPEN,
                        LocalAws.javaHome(java),
                        2,
                        out.resolveSibling("logs/deferral.log"))
                    .start()
                    .awaitReady(Duration.ofSeconds(60))) {
          functionName = lambda.functionName();
          LocalAws.check(Variant.AGENT_OPEN, lambda.invoke(LocalAws.EVENT, requestId), function);
          deferred = rate(lambda, function, Variant.AGENT_OPEN, warmup, count);
        }
        double closed;
        try (LocalLambda lambda = aws.newLambda();
            LambdaFunction function =
                aws.function(
                        lambda,
                        Variant.AGENT,
                        LocalAws.javaHome(java),
                        2,
                        out.resolveSibling("logs/deferral-closed.log"))
                    .start()
                    .awaitReady(Duration.ofSeconds(60))) {
          closed = rate(lambda, function, Variant.AGENT, warmup, count);
        }
        String bareLine = bare(aws, java, functionName, requestId, warmup, count);
        double bare =
            Double.parseDouble(bareLine.replaceAll(".*puts_per_second=([0-9.]+).*", "$1"));
        itemBytes = bareLine.replaceAll(".*item_bytes=(\\d+).*", "$1");
        add(perSecond, csv, round, "deferred (agent, window open)", deferred);
        add(perSecond, csv, round, "bare PutItem", bare);
        add(perSecond, csv, round, "handler runs (agent, window closed)", closed);
      }
    }
    Files.write(out, csv);
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "%n### Deferral throughput, JDK %s, %d rounds of %,d sequential calls (item ≈ %s"
                + " bytes)%n%n",
            java,
            rounds,
            count,
            itemBytes));
    text.append("| what | per second, median (min–max) |\n|---|---|\n");
    perSecond.forEach(
        (kind, values) -> {
          Stats s = Stats.of(values);
          text.append(
              String.format(
                  Locale.ROOT, "| %s | %.0f (%.0f–%.0f) |%n", kind, s.median(), s.min(), s.max()));
        });
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      ratios.add(
          perSecond.get("deferred (agent, window open)").get(i)
              / perSecond.get("bare PutItem").get(i));
    }
    text.append(
        String.format(
            Locale.ROOT,
            "%ndeferred / bare PutItem: %.2f (ratio of medians), per round %s%n",
            Stats.of(perSecond.get("deferred (agent, window open)")).median()
                / Stats.of(perSecond.get("bare PutItem")).median(),
            ratios.stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).toList()));
    System.out.println(text);
  }

  private static void add(
      Map<String, List<Double>> perSecond, List<String> csv, int round, String kind, double value) {
    perSecond.get(kind).add(value);
    csv.add(String.format(Locale.ROOT, "%d,%s,%.1f", round, kind, value));
    System.err.printf(Locale.ROOT, "round %d %s: %.0f/s%n", round, kind, value);
  }

  private static double rate(
      LocalLambda lambda, LambdaFunction function, Variant variant, int warmup, int count) {
    for (int i = 0; i < warmup; i++) {
      LocalAws.check(variant, lambda.invoke(LocalAws.EVENT), function);
    }
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      lambda.invoke(LocalAws.EVENT);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    LocalAws.check(variant, lambda.invoke(LocalAws.EVENT), function);
    if (lambda.errors() != 0) {
      throw new IllegalStateException(variant + ": " + lambda.errors() + " errors");
    }
    return count / seconds;
  }

  /** Runs {@link BarePutItem} in a JVM with the function's flags; returns its result line. */
  private static String bare(
      LocalAws aws, String java, String functionName, String requestId, int warmup, int count)
      throws Exception {
    Path javaExe = LocalAws.javaHome(java).resolve("bin/java");
    List<String> command =
        List.of(
            javaExe.toString(),
            "-XX:MaxHeapSize=445644k",
            "-XX:+UseSerialGC",
            "-Xshare:auto",
            "-XX:+TieredCompilation",
            "-XX:TieredStopAtLevel=1",
            "-Djava.net.preferIPv4Stack=true",
            "-cp",
            System.getProperty("java.class.path"),
            BarePutItem.class.getName(),
            "--endpoint",
            aws.dynoxide().endpoint().toString(),
            "--table",
            LocalAws.TABLE,
            "--function",
            functionName,
            "--request-id",
            requestId,
            "--warmup",
            Integer.toString(warmup),
            "--count",
            Integer.toString(count));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0 || !output.contains("puts_per_second=")) {
      throw new IllegalStateException("BarePutItem failed:\n" + output);
    }
    return output.lines().filter(l -> l.contains("puts_per_second=")).findFirst().orElseThrow();
  }
}
