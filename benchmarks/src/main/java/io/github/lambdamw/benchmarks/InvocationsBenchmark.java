package io.github.lambdamw.benchmarks;

import io.github.lambdamw.harness.function.LambdaFunction;
import io.github.lambdamw.harness.runtimeapi.LocalLambda;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Steady state with the window closed. Per round, one warm function per variant (none,
 * agent-disabled, agent) runs side by side, each with its own local Runtime API: {@code --warmup}
 * invocations each (1,000), the resident set of each JVM (VmRSS), then {@code --invocations}
 * (10,000) each, sequential, in blocks of {@code --block} (100) handed to the variants in turn (the
 * order rotating per block), so that a shared machine's noise falls on every variant alike. The
 * functions wait in their long poll while another is invoked.
 *
 * <p>{@code --java 25 --cpus 2 --pairs 3 --warmup 1000 --invocations 10000 --block 100 --variants
 * none,agent-disabled,agent --max-ram 512m --nmt false --out <csv>}. {@code --max-ram} gives the
 * JVM the sandbox's memory, as Lambda's cgroup does. With {@code --nmt true} the functions run with
 * {@code -XX:NativeMemoryTracking=summary} and the committed memory per JVM area is printed after
 * the warm-up (for the breakdown of the RSS; not for timings).
 */
public final class InvocationsBenchmark {
  private InvocationsBenchmark() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    String java = args.text("java", "25");
    int cpus = args.number("cpus", 2);
    int rounds = args.number("pairs", 3);
    int warmup = args.number("warmup", 1_000);
    int invocations = args.number("invocations", 10_000);
    int block = args.number("block", 100);
    boolean nmt = Boolean.parseBoolean(args.text("nmt", "false"));
    // The sandbox's memory as the JVM would see it in Lambda (the function's 512 MB): without it
    // the JVM sizes its initial heap from this host's RAM (1/64 of 24 GB = 377 MB), and eden pages
    // that Lambda would recycle after a young collection all count as resident. "" to leave out.
    String maxRam = args.text("max-ram", "512m");
    Path out = Path.of(args.text("out", "target/results/invocations.csv"));
    Files.createDirectories(out.getParent());
    List<Variant> variants = Variant.parseList(args.text("variants", "none,agent-disabled,agent"));

    Map<Variant, List<Double>> totalMs = new EnumMap<>(Variant.class);
    Map<Variant, List<Double>> rssMb = new EnumMap<>(Variant.class);
    variants.forEach(
        v -> {
          totalMs.put(v, new ArrayList<>());
          rssMb.put(v, new ArrayList<>());
        });
    List<String> csv =
        new ArrayList<>(List.of("round,variant,total_ms,us_per_invocation,rss_mb_after_warmup"));
    StringBuilder nmtText = new StringBuilder();
    try (LocalAws aws = LocalAws.start()) {
      for (int round = 0; round < rounds; round++) {
        List<LocalLambda> lambdas = new ArrayList<>();
        List<LambdaFunction> functions = new ArrayList<>();
        try {
          for (Variant variant : variants) {
            LocalLambda lambda = aws.newLambda();
            lambdas.add(lambda);
            LambdaFunction.Builder builder =
                aws.function(
                    lambda,
                    variant,
                    LocalAws.javaHome(java),
                    cpus,
                    out.resolveSibling("logs/invocations-" + variant + ".log"));
            if (!maxRam.isEmpty()) {
              builder.withJvmFlag("-XX:MaxRAM=" + maxRam);
            }
            if (nmt) {
              builder.withJvmFlag("-XX:NativeMemoryTracking=summary");
            }
            functions.add(builder.start().awaitReady(Duration.ofSeconds(60)));
          }
          double[] ms = new double[variants.size()];
          for (int v = 0; v < variants.size(); v++) {
            for (int n = 0; n < warmup; n++) {
              LocalAws.check(
                  variants.get(v), lambdas.get(v).invoke(LocalAws.EVENT), functions.get(v));
            }
            rssMb.get(variants.get(v)).add(LocalAws.residentKb(functions.get(v).pid()) / 1024.0);
            if (nmt && round == 0) {
              nmtText.append(nativeMemory(variants.get(v), functions.get(v).pid(), java));
            }
          }
          for (int b = 0; b < invocations / block; b++) {
            for (int i = 0; i < variants.size(); i++) {
              int v = (i + b) % variants.size();
              LocalLambda lambda = lambdas.get(v);
              long start = System.nanoTime();
              for (int n = 0; n < block; n++) {
                lambda.invoke(LocalAws.EVENT);
              }
              ms[v] += (System.nanoTime() - start) / 1e6;
            }
          }
          for (int v = 0; v < variants.size(); v++) {
            Variant variant = variants.get(v);
            LocalAws.check(variant, lambdas.get(v).invoke(LocalAws.EVENT), functions.get(v));
            if (lambdas.get(v).errors() != 0) {
              throw new IllegalStateException(variant + ": " + lambdas.get(v).errors() + " errors");
            }
            totalMs.get(variant).add(ms[v]);
            double rss = rssMb.get(variant).get(round);
            csv.add(
                String.format(
                    Locale.ROOT,
                    "%d,%s,%.1f,%.2f,%.1f",
                    round,
                    variant,
                    ms[v],
                    ms[v] * 1000 / invocations,
                    rss));
            System.err.printf(
                Locale.ROOT,
                "round %d %s: %.0f ms (%.1f µs each), RSS %.1f MB%n",
                round,
                variant,
                ms[v],
                ms[v] * 1000 / invocations,
                rss);
          }
        } finally {
          functions.forEach(LambdaFunction::close);
          lambdas.forEach(LocalLambda::close);
        }
      }
    }
    Files.write(out, csv);
    System.out.println(
        report(java, cpus, rounds, warmup, invocations, block, maxRam, variants, totalMs, rssMb)
            + nmtText);
  }

  private static String report(
      String java,
      int cpus,
      int rounds,
      int warmup,
      int invocations,
      int block,
      String maxRam,
      List<Variant> variants,
      Map<Variant, List<Double>> totalMs,
      Map<Variant, List<Double>> rssMb) {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "%n### %,d invocations each, window closed, JDK %s, %d CPU(s), %d rounds, blocks of %d"
                + " interleaved, -XX:MaxRAM=%s%n%n",
            invocations,
            java,
            cpus,
            rounds,
            block,
            maxRam));
    text.append(
            "| variant | total ms, median (min–max) | µs per invocation | vs none, median of"
                + " per-round ratios | RSS after ")
        .append(warmup)
        .append(" invocations, MB, median (min–max) |\n|---|---|---|---|---|\n");
    List<Double> none = totalMs.get(Variant.NONE);
    double rssNone = Stats.of(rssMb.get(Variant.NONE)).median();
    for (Variant v : variants) {
      Stats t = Stats.of(totalMs.get(v));
      Stats r = Stats.of(rssMb.get(v));
      List<Double> ratios = new ArrayList<>();
      for (int i = 0; i < rounds; i++) {
        ratios.add(totalMs.get(v).get(i) / none.get(i));
      }
      text.append(
          String.format(
              Locale.ROOT,
              "| %s | %.0f (%.0f–%.0f) | %.1f | %+.2f %% %s | %.1f (%.1f–%.1f), %+.1f |%n",
              v,
              t.median(),
              t.min(),
              t.max(),
              t.median() * 1000 / invocations,
              (Stats.of(ratios).median() - 1) * 100,
              ratios.stream().map(x -> String.format(Locale.ROOT, "%.3f", x)).toList(),
              r.median(),
              r.min(),
              r.max(),
              r.median() - rssNone));
    }
    return text.toString();
  }

  /** Committed memory per JVM area from {@code jcmd <pid> VM.native_memory summary}. */
  private static String nativeMemory(Variant variant, long pid, String java) throws Exception {
    Path jcmd = LocalAws.javaHome(java).resolve("bin/jcmd");
    Process process =
        new ProcessBuilder(jcmd.toString(), Long.toString(pid), "VM.native_memory", "summary")
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    StringBuilder text = new StringBuilder("\nNMT, committed, " + variant + ":");
    output
        .lines()
        .filter(
            l -> l.contains("committed=") && (l.startsWith("Total") || l.trim().startsWith("-")))
        .forEach(
            l ->
                text.append(' ')
                    .append(
                        l.trim()
                            .replaceAll("^-\\s*", "")
                            .replaceAll("\\s*\\(reserved=\\d+KB, committed=(\\d+)KB.*", "=$1KB"))
                    .append(';'));
    return text.append('\n').toString();
  }
}
