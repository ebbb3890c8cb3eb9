package io.github.lambdamw.benchmarks;

import io.github.lambdamw.harness.function.JavaHome;
import io.github.lambdamw.harness.function.LambdaFunction;
import io.github.lambdamw.harness.runtimeapi.InvokeResult;
import io.github.lambdamw.harness.runtimeapi.LocalLambda;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a cold start's classes come from, per function and variant: one run each with {@code
 * -Xlog:class+load:file=…:uptime} (so not a timing run), counted by origin, with the JVM uptime at
 * which the runtime client's main class loads (the end of premain) and at which the last class
 * before the first response loads.
 *
 * <p>{@code --java 17|25 --functions sample,realistic --variants none,agent,… --ssm http|https
 * --dir <folder for the logs>}; SSM on loopback http by default.
 */
public final class ClassLoadBreakdown {
  private static final String SHADED = "io.github.lambdamw.agent.shaded.";
  private static final Pattern LINE =
      Pattern.compile("^\\[(\\d+\\.\\d+)s\\]\\s+(\\S+) source: (.*)$");

  private ClassLoadBreakdown() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    String java = args.text("java", "25");
    List<BenchFunction> functions = BenchFunction.parseList(args.text("functions", "sample"));
    List<Variant> variants =
        Variant.parseList(args.text("variants", "none,agent,agent-open,agent-runtime-bytebuddy"));
    boolean https = args.text("ssm", "http").equals("https");
    Path dir = Files.createDirectories(Path.of(args.text("dir", "target/results/class-load")));
    Path javaHome = LocalAws.javaHome(java);
    StringBuilder table = new StringBuilder();
    table.append(
        String.format(
            "%n### Classes loaded until the first response, JDK %s, SSM %s%n%n",
            java, https ? "over HTTPS" : "on loopback http"));
    table.append(
        "| function / variant | total | CDS archive | JDK (jrt) | runtime client + function |"
            + " agent (own) | agent: Byte Buddy | agent: AWS SDK | agent: other shaded | other"
            + " | RIC main loaded at | last class at |\n");
    table.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    StandInTls tls =
        https
            ? StandInTls.create(
                JavaHome.of(javaHome), StandInTls.Cert.AWS_LIKE, StandInTls.Trust.FULL)
            : null;
    try (LocalAws aws = LocalAws.start(tls)) {
      for (BenchFunction benchFunction : functions) {
        for (Variant variant : variants) {
          String name = benchFunction + "-" + variant + (https ? "-https" : "") + "-jdk" + java;
          Path log = dir.resolve("class-load-" + name + ".log");
          Files.deleteIfExists(log);
          try (LocalLambda lambda = aws.newLambda()) {
            CompletableFuture<InvokeResult> first = lambda.invokeAsync(LocalAws.EVENT);
            try (LambdaFunction function =
                aws.function(
                        lambda,
                        benchFunction,
                        variant,
                        https,
                        javaHome,
                        2,
                        dir.resolve(name + ".out"))
                    .withJvmFlag("-Xlog:class+load=info:file=" + log + ":uptime")
                    .start()) {
              LocalAws.check(benchFunction, variant, first.get(60, TimeUnit.SECONDS), function);
            }
          }
          table.append(
              summarize(
                  functions.size() > 1 ? benchFunction + " / " + variant : variant.toString(),
                  Files.readAllLines(log)));
        }
      }
    }
    System.out.println(table);
  }

  static String summarize(String row, List<String> lines) {
    Map<String, Integer> counts = new TreeMap<>();
    double ricMain = Double.NaN;
    double last = 0;
    int total = 0;
    for (String line : lines) {
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        continue;
      }
      total++;
      double at = Double.parseDouble(m.group(1));
      String name = m.group(2);
      String source = m.group(3);
      last = Math.max(last, at);
      if (name.equals("com.amazonaws.services.lambda.runtime.api.client.AWSLambda")) {
        ricMain = at;
      }
      counts.merge(origin(name, source), 1, Integer::sum);
    }
    return String.format(
        Locale.ROOT,
        "| %s | %d | %d | %d | %d | %d | %d | %d | %d | %d | %.0f ms | %.0f ms |%n",
        row,
        total,
        counts.getOrDefault("cds", 0),
        counts.getOrDefault("jrt", 0),
        counts.getOrDefault("ric", 0),
        counts.getOrDefault("agent", 0),
        counts.getOrDefault("bytebuddy", 0),
        counts.getOrDefault("sdk", 0),
        counts.getOrDefault("shaded", 0),
        counts.getOrDefault("other", 0),
        ricMain * 1000,
        last * 1000);
  }

  private static String origin(String name, String source) {
    if (name.startsWith(SHADED + "net.bytebuddy")) {
      return "bytebuddy";
    }
    if (name.startsWith(SHADED + "software.amazon")) {
      return "sdk";
    }
    if (name.startsWith(SHADED)) {
      return "shaded";
    }
    if (name.startsWith("io.github.lambdamw.agent")
        || name.startsWith("io.github.lambdamw.window")) {
      return "agent";
    }
    if (source.startsWith("shared objects file")) {
      return "cds";
    }
    if (source.startsWith("jrt:/")) {
      return "jrt";
    }
    if (source.contains("aws-lambda-java")
        || source.contains("/task/")
        || source.contains("utils-lite")
        || source.contains("annotations-")
        || name.startsWith("com.amazonaws")) {
      return "ric";
    }
    return "other";
  }
}
