package io.github.lambdamw.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fresh JVM with Lambda's flags (the harness launcher's: C1 only, Serial GC, the heap of a 512 MB
 * function) running one of the probes in {@code benchmarks/src/probes} (built for Java 17), pinned
 * to CPU 0 when asked: the child of {@link SsmReadCost} and {@link InitPathCost}. Its class path
 * holds what the probes need and nothing else, as a function's would: the probes, the plain agent
 * jar, jackson-jr, and the realistic function's libraries (the SDK's SSM client and signer).
 */
final class ColdJvm {
  private static final Pattern MILLIS = Pattern.compile("(?m)^ms=([0-9.]+)$");

  private final List<String> command = new ArrayList<>();
  private final Map<String, String> env = new LinkedHashMap<>();

  private ColdJvm() {}

  static ColdJvm of(Path javaHome, int cpus) {
    ColdJvm jvm = new ColdJvm();
    if (cpus == 1) {
      jvm.command.addAll(List.of("taskset", "-c", "0"));
    } else if (cpus != 2) {
      throw new IllegalArgumentException("cpus must be 1 or 2: " + cpus);
    }
    jvm.command.addAll(
        List.of(
            javaHome.resolve("bin/java").toString(),
            "-XX:MaxHeapSize=445644k",
            "-XX:+UseSerialGC",
            "-Xshare:auto",
            "-XX:+TieredCompilation",
            "-XX:TieredStopAtLevel=1",
            "-Djava.net.preferIPv4Stack=true"));
    return jvm;
  }

  ColdJvm flag(String flag) {
    command.add(flag);
    return this;
  }

  ColdJvm env(String name, String value) {
    env.put(name, value);
    return this;
  }

  /** Runs probe {@code simpleName} with {@code args}; its output, or fails with it. */
  String run(String simpleName, String... args) {
    List<String> full = new ArrayList<>(command);
    full.addAll(List.of("-cp", classPath(), "io.github.lambdamw.benchmarks.probes." + simpleName));
    full.addAll(List.of(args));
    try {
      ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
      builder.environment().putAll(env);
      Process process = builder.start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", full) + " failed:\n" + out);
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + full.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The {@code ms=} a probe printed. */
  static double millis(String output) {
    Matcher m = MILLIS.matcher(output);
    if (!m.find()) {
      throw new IllegalStateException("no ms= in:\n" + output);
    }
    return Double.parseDouble(m.group(1));
  }

  private static String classPath() {
    List<String> path = new ArrayList<>();
    path.add(Path.of("benchmarks/target/probe-classes").toAbsolutePath().toString());
    try {
      for (String jar :
          Files.readString(Path.of("benchmarks/target/classpath.txt")).strip().split(":")) {
        String name = Path.of(jar).getFileName().toString();
        if (name.startsWith("lambda-mw-agent-")
            || name.startsWith("jackson-jr-")
            || name.startsWith("jackson-core-")) {
          path.add(jar);
        }
      }
      path.addAll(
          List.of(
              Files.readString(Path.of("benchmarks/target/realistic-function/lib.txt"))
                  .strip()
                  .split(":")));
    } catch (IOException e) {
      throw new IllegalStateException("build the benchmarks first (BENCH_REBUILD=true)", e);
    }
    return String.join(File.pathSeparator, path);
  }
}
