package io.github.lambdamw.benchmarks;

import io.github.lambdamw.harness.function.LambdaFunction;
import io.github.lambdamw.harness.runtimeapi.LocalLambda;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Steady state with the window closed, none and agent alternating, {@code --pairs} times: after the
 * cold start, {@code --warmup} invocations (1,000), the JVM's resident set (VmRSS), then {@code
 * --invocations} (10,000) sequential invocations through the local Runtime API, timed as a whole.
 *
 * <p>{@code --java 25 --cpus 2 --pairs 3 --warmup 1000 --invocations 10000 --variants
 * none,agent-disabled,agent --out <csv>}; "pairs" are rounds of all variants, rotated.
 */
public final class InvocationsBenchmark {
  private InvocationsBenchmark() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    String java = args.text("java", "25");
    int cpus = args.number("cpus", 2);
    int pairs = args.number("pairs", 3);
    int warmup = args.number("warmup", 1_000);
    int invocations = args.number("invocations", 10_000);
    Path out = Path.of(args.text("out", "target/results/invocations.csv"));
    Files.createDirectories(out.getParent());
    List<Variant> variants = Variant.parseList(args.text("variants", "none,agent-disabled,agent"));

    Map<Variant, List<Double>> totalMs = new EnumMap<>(Variant.class);
    Map<Variant, List<Double>> rssMb = new EnumMap<>(Variant.class);
    variants.forEach(v -> {
      totalMs.put(v, new ArrayList<>());
      rssMb.put(v, new ArrayList<>());
    });
    List<String> csv = new ArrayList<>(List.of("pair,variant,total_ms,us_per_invocation,rss_mb_after_warmup"));
    try (LocalAws aws = LocalAws.start()) {
      for (int pair = 0; pair < pairs; pair++) {
        for (int i = 0; i < variants.size(); i++) {
          Variant variant = variants.get((i + pair) % variants.size());
          try (LocalLambda lambda = aws.newLambda();
              LambdaFunction function =
                  aws.function(lambda, variant, LocalAws.javaHome(java), cpus,
                          out.resolveSibling("logs/invocations-" + variant + ".log"))
                      .start()
                      .awaitReady(Duration.ofSeconds(60))) {
            for (int n = 0; n < warmup; n++) {
              LocalAws.check(variant, lambda.invoke(LocalAws.EVENT), function);
            }
            double rss = LocalAws.residentKb(function.pid()) / 1024.0;
            long start = System.nanoTime();
            for (int n = 0; n < invocations; n++) {
              lambda.invoke(LocalAws.EVENT);
            }
            double ms = (System.nanoTime() - start) / 1e6;
            LocalAws.check(variant, lambda.invoke(LocalAws.EVENT), function);
            if (lambda.errors() != 0) {
              throw new IllegalStateException(variant + ": " + lambda.errors() + " errors");
            }
            totalMs.get(variant).add(ms);
            rssMb.get(variant).add(rss);
            csv.add(String.format(Locale.ROOT, "%d,%s,%.1f,%.2f,%.1f", pair, variant, ms, ms * 1000 / invocations, rss));
            System.err.printf(Locale.ROOT, "pair %d %s: %.0f ms (%.1f µs each), RSS %.1f MB%n",
                pair, variant, ms, ms * 1000 / invocations, rss);
          }
        }
      }
    }
    Files.write(out, csv);
    Stats none = Stats.of(totalMs.get(Variant.NONE));
    Stats agent = Stats.of(totalMs.get(Variant.AGENT));
    Stats rssNone = Stats.of(rssMb.get(Variant.NONE));
    Stats rssAgent = Stats.of(rssMb.get(Variant.AGENT));
    List<Double> pairRatios = new ArrayList<>();
    for (int i = 0; i < pairs; i++) {
      pairRatios.add(totalMs.get(Variant.AGENT).get(i) / totalMs.get(Variant.NONE).get(i));
    }
    String disabled = "";
    if (totalMs.containsKey(Variant.AGENT_DISABLED)) {
      disabled = String.format(Locale.ROOT,
          "agent-disabled vs none: %+.2f %% time, %+.1f MB RSS (medians)%n",
          (Stats.of(totalMs.get(Variant.AGENT_DISABLED)).median() / none.median() - 1) * 100,
          Stats.of(rssMb.get(Variant.AGENT_DISABLED)).median() - rssNone.median());
    }
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT,
        "%n### %,d invocations, window closed, JDK %s, %d CPU(s), %d alternating rounds of %s%n%n", invocations, java, cpus, pairs, variants));
    text.append("| variant | total ms, median (min–max) | µs per invocation | RSS after ")
        .append(warmup).append(" invocations, MB, median (min–max) |\n|---|---|---|---|\n");
    for (Variant v : variants) {
      Stats t = Stats.of(totalMs.get(v));
      Stats r = Stats.of(rssMb.get(v));
      text.append(String.format(Locale.ROOT, "| %s | %.0f (%.0f–%.0f) | %.1f | %.1f (%.1f–%.1f) |%n",
          v, t.median(), t.min(), t.max(), t.median() * 1000 / invocations, r.median(), r.min(), r.max()));
    }
    text.append(String.format(Locale.ROOT,
        "%nper-invocation overhead: %+.2f %% (ratio of medians), %+.2f %% (median of per-round agent/none ratios %s)%n",
        (agent.median() / none.median() - 1) * 100,
        (Stats.of(pairRatios).median() - 1) * 100,
        pairRatios.stream().map(r -> String.format(Locale.ROOT, "%.3f", r)).toList()));
    text.append(String.format(Locale.ROOT, "resident memory overhead: %+.1f MB (medians)%n",
        rssAgent.median() - rssNone.median()));
    text.append(disabled);
    System.out.println(text);
  }
}
