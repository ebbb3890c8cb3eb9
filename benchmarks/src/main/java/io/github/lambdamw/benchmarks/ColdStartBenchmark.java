package io.github.lambdamw.benchmarks;

import io.github.lambdamw.harness.function.JavaHome;
import io.github.lambdamw.harness.function.LambdaFunction;
import io.github.lambdamw.harness.runtimeapi.InvokeResult;
import io.github.lambdamw.harness.runtimeapi.LocalLambda;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * First-response latency of a cold function: from just before the process starts to the first
 * {@code /response} at the local Runtime API, the event queued before the start, and the CPU time
 * the process used until then ({@link ProcessCpu}). Every function and variant runs interleaved,
 * round after round, each round starting one later, so that noise on a shared machine hits all
 * alike; one warm-up round (file cache) is not counted.
 *
 * <p>{@code --java 17|25|<path> --cpus 2|1 --runs 10 --functions sample,realistic --variants
 * none,agent,... --ssm https|http --cds off|runtime --out <csv>}. {@code --ssm https} (the default)
 * serves SSM, to the agent and to the realistic function alike, over HTTPS as in Lambda; {@code
 * http} on loopback. {@code --tls-cert aws-like|self-signed-ec}: what the HTTPS stand-in presents,
 * an RSA chain like AWS's endpoints' (default) or the self-signed EC certificate of the earlier
 * figures ({@link StandInTls.Cert}). {@code --tls-trust full|minimal}: the trust store the
 * functions load, their JDK's cacerts plus the stand-in's root (or self-signed) certificate
 * (default) or that certificate alone. {@code --cds runtime} gives every function an AppCDS archive
 * of the runtime's classes ({@link RuntimeCds}), as Lambda maps its own. {@code --runtime-agent
 * log4j-hotpatch} starts every function, the baseline too, with the Java agent Lambda's java17
 * runtime starts in every function ({@link RuntimeAgent}); {@code none} (the default) with no agent
 * but the guard's.
 */
public final class ColdStartBenchmark {
  private ColdStartBenchmark() {}

  /** One function in one variant: what a round starts once. */
  record Case(BenchFunction function, Variant variant) {
    @Override
    public String toString() {
      return function + "/" + variant;
    }
  }

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    String java = args.text("java", "25");
    int cpus = args.number("cpus", 2);
    int runs = args.number("runs", 10);
    List<BenchFunction> functions = BenchFunction.parseList(args.text("functions", "sample"));
    List<Variant> variants = Variant.parseList(args.text("variants", "none,agent"));
    boolean https = parseSsm(args.text("ssm", "https"));
    boolean cds = parseCds(args.text("cds", "off"));
    Path out =
        Path.of(args.text("out", "target/results/cold-start-jdk" + java + "-" + cpus + "cpu.csv"));
    Path logs = Files.createDirectories(out.resolveSibling("logs"));
    String maxRam = args.text("max-ram", "");
    StandInTls.Cert cert = StandInTls.Cert.parse(args.text("tls-cert", "aws-like"));
    StandInTls.Trust trust = StandInTls.Trust.parse(args.text("tls-trust", "full"));
    RuntimeAgent runtimeAgent = RuntimeAgent.parse(args.text("runtime-agent", "none"));
    Path javaHome = LocalAws.javaHome(java);
    StandInTls tls = https ? StandInTls.create(JavaHome.of(javaHome), cert, trust) : null;

    List<Case> cases = new ArrayList<>();
    for (BenchFunction function : functions) {
      for (Variant variant : variants) {
        cases.add(new Case(function, variant));
      }
    }
    Map<Case, List<Double>> millis = new LinkedHashMap<>();
    Map<Case, List<Double>> cpuMillis = new LinkedHashMap<>();
    cases.forEach(c -> millis.put(c, new ArrayList<>()));
    cases.forEach(c -> cpuMillis.put(c, new ArrayList<>()));
    List<String> csv = new ArrayList<>(List.of("round,function,variant,first_response_ms,cpu_ms"));
    try (LocalAws aws = LocalAws.start(tls)) {
      Path archive =
          cds
              ? RuntimeCds.create(aws, javaHome, Path.of("benchmarks/target/cds").toAbsolutePath())
              : null;
      Start start = new Start(aws, https, javaHome, cpus, maxRam, archive, runtimeAgent);
      for (int round = -1; round < runs; round++) {
        for (int i = 0; i < cases.size(); i++) {
          Case c = cases.get(Math.floorMod(i + round, cases.size()));
          double[] ms =
              firstResponse(start, c, logs.resolve(c.function + "-" + c.variant + ".log"));
          if (round >= 0) {
            millis.get(c).add(ms[0]);
            cpuMillis.get(c).add(ms[1]);
            csv.add(
                round
                    + ","
                    + c.function
                    + ","
                    + c.variant
                    + ","
                    + String.format(Locale.ROOT, "%.1f,%.0f", ms[0], ms[1]));
          }
          System.err.printf(
              Locale.ROOT, "round %d %s %.0f ms (CPU %.0f ms)%n", round, c, ms[0], ms[1]);
        }
      }
    }
    Files.createDirectories(out.getParent());
    Files.write(out, csv);
    String conditions =
        (https ? "SSM over HTTPS" : "SSM over http on loopback")
            + (https && cert == StandInTls.Cert.SELF_SIGNED_EC
                ? " (stand-in: a self-signed EC certificate)"
                : "")
            + (https && trust == StandInTls.Trust.MINIMAL
                ? " (trust store: the stand-in's root, or self-signed, certificate only)"
                : "")
            + (cds ? ", AppCDS archive of the runtime's classes" : "")
            + (runtimeAgent == RuntimeAgent.LOG4J_HOTPATCH
                ? ", the runtime's Log4j hot-patch agent (stand-in) in every variant"
                : "")
            + (maxRam.isEmpty() ? "" : ", -XX:MaxRAM=" + maxRam);
    for (BenchFunction function : functions) {
      Map<Variant, List<Double>> ofFunction = new LinkedHashMap<>();
      Map<Variant, List<Double>> cpuOfFunction = new LinkedHashMap<>();
      for (Case c : cases) {
        if (c.function == function) {
          ofFunction.put(c.variant, millis.get(c));
          cpuOfFunction.put(c.variant, cpuMillis.get(c));
        }
      }
      System.out.println(table(java, cpus, function, conditions, ofFunction, cpuOfFunction));
    }
  }

  private static boolean parseSsm(String ssm) {
    return switch (ssm) {
      case "https" -> true;
      case "http" -> false;
      default -> throw new IllegalArgumentException("--ssm https|http, not " + ssm);
    };
  }

  private static boolean parseCds(String cds) {
    return switch (cds) {
      case "runtime" -> true;
      case "off" -> false;
      default -> throw new IllegalArgumentException("--cds off|runtime, not " + cds);
    };
  }

  /** What every start in a run shares. */
  record Start(
      LocalAws aws,
      boolean https,
      Path javaHome,
      int cpus,
      String maxRam,
      Path cdsArchive,
      RuntimeAgent runtimeAgent) {}

  /** The first response's wall time and the process's CPU time until then, both in ms. */
  static double[] firstResponse(Start start, Case c, Path log) throws Exception {
    LocalAws aws = start.aws();
    try (LocalLambda lambda = aws.newLambda()) {
      CompletableFuture<InvokeResult> first = lambda.invokeAsync(LocalAws.EVENT);
      LambdaFunction.Builder builder =
          aws.function(
              lambda, c.function, c.variant, start.https(), start.javaHome(), start.cpus(), log);
      if (!start.maxRam().isEmpty()) {
        builder.withJvmFlag("-XX:MaxRAM=" + start.maxRam());
      }
      if (start.cdsArchive() != null) {
        RuntimeCds.use(builder, start.cdsArchive());
      }
      start.runtimeAgent().use(builder);
      int readsBefore = aws.reads(start.https());
      try (LambdaFunction function = builder.start()) {
        InvokeResult result = first.get(60, TimeUnit.SECONDS);
        long nanos = lambda.firstResponseNanos() - function.startedAtNanos();
        double cpu = ProcessCpu.millis(function.pid());
        LocalAws.check(c.function, c.variant, result, function);
        aws.checkReads(c.function, c.variant, start.https(), function, readsBefore);
        return new double[] {nanos / 1e6, cpu};
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

  static String table(
      String java,
      int cpus,
      BenchFunction function,
      String conditions,
      Map<Variant, List<Double>> millis,
      Map<Variant, List<Double>> cpuMillis) {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            "%n### %s function, JDK %s, %d CPU%s, %s: first response, ms%n%n",
            function, java, cpus, cpus == 1 ? " (taskset -c 0)" : "s", conditions));
    text.append(
        "| variant | n | median | p25–p75 | min–max | median / none | median of per-round ratios"
            + " | CPU ms, median | CPU / none |\n"
            + "|---|---|---|---|---|---|---|---|---|\n");
    double none =
        millis.containsKey(Variant.NONE) ? Stats.of(millis.get(Variant.NONE)).median() : Double.NaN;
    double cpuNone =
        cpuMillis.containsKey(Variant.NONE)
            ? Stats.of(cpuMillis.get(Variant.NONE)).median()
            : Double.NaN;
    for (Map.Entry<Variant, List<Double>> entry : millis.entrySet()) {
      Stats s = Stats.of(entry.getValue());
      double cpu = Stats.of(cpuMillis.get(entry.getKey())).median();
      text.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.0f | %.0f–%.0f | %.0f–%.0f | %.2f | %.2f | %.0f | %.2f |%n",
              entry.getKey(),
              s.n(),
              s.median(),
              s.p25(),
              s.p75(),
              s.min(),
              s.max(),
              s.median() / none,
              pairedRatio(entry.getValue(), millis.get(Variant.NONE)),
              cpu,
              cpu / cpuNone));
    }
    for (Map.Entry<Variant, List<Double>> entry : millis.entrySet()) {
      text.append("\n").append(entry.getKey()).append(": ").append(Stats.values(entry.getValue()));
    }
    return text.append("\n").toString();
  }
}
