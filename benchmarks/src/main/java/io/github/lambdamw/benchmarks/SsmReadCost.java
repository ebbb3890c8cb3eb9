package io.github.lambdamw.benchmarks;

import io.github.lambdamw.agent.internal.AgentConfig;
import io.github.lambdamw.agent.internal.gate.SsmWindowSource;
import io.github.lambdamw.harness.ssm.LocalSsm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the first SSM read costs in a cold JVM with Lambda's flags, alone (no runtime client
 * competing): the agent's {@link SsmWindowSource} as it runs in Lambda (credentials from Lambda's
 * environment variables, the agent's own SigV4 signer and socket HTTP client), and the same after
 * the default TLS context is set up, which an https endpoint (SSM in Lambda) needs before its
 * handshake; the loopback stand-in is plain http, so the handshake itself is not in it (the
 * cold-start variant {@code agent-tls} has it).
 *
 * <p>Driver: {@code --java 25 --cpus 2 --runs 10}. Child: {@code child <mode> <endpoint>}.
 */
public final class SsmReadCost {
  static final String PARAMETER = "bench-window-closed";

  private SsmReadCost() {}

  public static void main(String[] argv) throws Exception {
    if (argv.length > 0 && argv[0].equals("child")) {
      child(argv[1], argv[2]);
      return;
    }
    Args args = new Args(argv);
    Path javaHome = LocalAws.javaHome(args.text("java", "25"));
    int cpus = args.number("cpus", 2);
    int runs = args.number("runs", 10);
    List<String> modes = List.of("agent", "agent+tls-init");
    Map<String, List<Double>> readMs = new LinkedHashMap<>();
    Map<String, List<Double>> processMs = new LinkedHashMap<>();
    modes.forEach(
        m -> {
          readMs.put(m, new ArrayList<>());
          processMs.put(m, new ArrayList<>());
        });
    try (LocalSsm ssm = LocalSsm.start()) {
      ssm.put(PARAMETER, "2020-01-01T02:00:00Z,2020-01-01T06:00:00Z");
      LocalAws.warmUp(ssm, PARAMETER);
      for (int round = -1; round < runs; round++) {
        for (int i = 0; i < modes.size(); i++) {
          String mode = modes.get(Math.floorMod(i + round, modes.size()));
          List<String> command = new ArrayList<>();
          if (cpus == 1) {
            command.addAll(List.of("taskset", "-c", "0"));
          }
          command.addAll(
              List.of(
                  javaHome.resolve("bin/java").toString(),
                  "-XX:MaxHeapSize=445644k",
                  "-XX:+UseSerialGC",
                  "-Xshare:auto",
                  "-XX:+TieredCompilation",
                  "-XX:TieredStopAtLevel=1",
                  "-Djava.net.preferIPv4Stack=true",
                  "-cp",
                  System.getProperty("java.class.path"),
                  SsmReadCost.class.getName(),
                  "child",
                  mode,
                  ssm.endpoint().toString()));
          ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
          builder.environment().put("AWS_REGION", "us-east-1");
          builder.environment().put("AWS_ACCESS_KEY_ID", "AKIDBENCH");
          builder.environment().put("AWS_SECRET_ACCESS_KEY", "secret");
          builder.environment().put("AWS_SESSION_TOKEN", "token");
          builder.environment().put("AWS_ENDPOINT_URL_SSM", ssm.endpoint().toString());
          builder.environment().put("MAINTENANCE_WINDOW_PARAMETER", PARAMETER);
          long start = System.nanoTime();
          Process process = builder.start();
          String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
          int exit = process.waitFor();
          double wall = (System.nanoTime() - start) / 1e6;
          if (exit != 0 || !out.contains("read_ms=")) {
            throw new IllegalStateException(mode + " failed:\n" + out);
          }
          double read = Double.parseDouble(out.replaceAll("(?s).*read_ms=([0-9.]+).*", "$1"));
          if (round >= 0) {
            readMs.get(mode).add(read);
            processMs.get(mode).add(wall);
          }
          System.err.printf(
              Locale.ROOT, "round %d %s: read %.0f ms, process %.0f ms%n", round, mode, read, wall);
        }
      }
    }
    StringBuilder text =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%n### First SSM read in a cold JVM, alone, JDK %s, %d CPU(s), %d alternating"
                    + " runs%n%n| way | first read, ms: median (min–max) | whole process, ms:"
                    + " median |%n|---|---|---|%n",
                javaHome.getFileName(),
                cpus,
                runs));
    for (String mode : modes) {
      Stats r = Stats.of(readMs.get(mode));
      text.append(
          String.format(
              Locale.ROOT,
              "| %s | %.0f (%.0f–%.0f) | %.0f |%n",
              mode,
              r.median(),
              r.min(),
              r.max(),
              Stats.of(processMs.get(mode)).median()));
    }
    System.out.println(text);
  }

  private static void child(String mode, String endpoint) throws Exception {
    long start = System.nanoTime();
    if (mode.endsWith("+tls-init")) {
      javax.net.ssl.SSLContext.getDefault().getSocketFactory();
    }
    Map<String, String> env = System.getenv();
    String value = new SsmWindowSource(AgentConfig.from(env), env).read();
    double ms = (System.nanoTime() - start) / 1e6;
    if (!value.startsWith("2020-")) {
      throw new IllegalStateException("unexpected value " + value);
    }
    System.out.printf(Locale.ROOT, "read_ms=%.1f%n", ms);
  }
}
