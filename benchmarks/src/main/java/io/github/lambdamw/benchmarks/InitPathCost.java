package io.github.lambdamw.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Why the agent keeps its own SigV4, JSON reader and ISO instants on the INIT path: each piece's
 * first use in a fresh JVM with Lambda's flags, against the library it stands in for, run
 * interleaved ({@code InitPathProbe} in a {@link ColdJvm} per run), and the classes each loads (one
 * more run each with {@code -Xlog:class+load}, not timed).
 *
 * <p>{@code --java 17|25|<path> --cpus 1|2 --runs 10}
 */
public final class InitPathCost {

  /** One piece: the agent's mode and the library's. */
  record Piece(String what, String own, String ownName, String library, String libraryName) {}

  static final List<Piece> PIECES =
      List.of(
          new Piece(
              "SigV4 signature of the GetParameter request",
              "sigv4-agent",
              "the agent's `SigV4`",
              "sigv4-sdk",
              "the SDK's `AwsV4HttpSigner`"),
          new Piece(
              "JSON: the SSM answer, then the window value in it",
              "json-agent",
              "the agent's `JsonReader`",
              "json-jackson-jr",
              "jackson-jr `JSON.std.mapFrom`"),
          new Piece(
              "ISO instants: two parsed (`Z`, `+02:00`), two written",
              "instant-agent",
              "`IsoInstants`",
              "instant-java-time",
              "`OffsetDateTime.parse`, `ISO_INSTANT.format`"));

  private InitPathCost() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    String java = args.text("java", "25");
    Path javaHome = LocalAws.javaHome(java);
    int cpus = args.number("cpus", 1);
    int runs = args.number("runs", 10);
    List<String> modes = new ArrayList<>();
    for (Piece piece : PIECES) {
      modes.add(piece.own());
      modes.add(piece.library());
    }
    Map<String, List<Double>> millis =
        Interleaved.run(
            modes,
            runs,
            mode -> ColdJvm.millis(ColdJvm.of(javaHome, cpus).run("InitPathProbe", mode)));
    Path logs = Files.createDirectories(Path.of("benchmarks/target/results/init-path"));
    StringBuilder text =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%n### First use on the INIT path in a cold JVM, JDK %s, %d CPU%s, %d interleaved"
                    + " runs%n%n| piece | ours | ms, median (min–max) | classes | instead of |"
                    + " ms, median (min–max) | classes |%n|---|---|---|---|---|---|---|%n",
                java,
                cpus,
                cpus == 1 ? " (taskset -c 0)" : "s",
                runs));
    for (Piece piece : PIECES) {
      text.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %d | %s | %s | %d |%n",
              piece.what(),
              piece.ownName(),
              describe(millis.get(piece.own())),
              classes(javaHome, cpus, piece.own(), logs.resolve("jdk" + java + "-" + piece.own())),
              piece.libraryName(),
              describe(millis.get(piece.library())),
              classes(
                  javaHome,
                  cpus,
                  piece.library(),
                  logs.resolve("jdk" + java + "-" + piece.library()))));
    }
    System.out.println(text);
  }

  private static String describe(List<Double> values) {
    Stats s = Stats.of(values);
    return String.format(Locale.ROOT, "%.1f (%.1f–%.1f)", s.median(), s.min(), s.max());
  }

  /** Classes {@code mode} loads, from a run with the class-load log to {@code log}. */
  static int classes(Path javaHome, int cpus, String mode, Path log) throws IOException {
    ColdJvm.of(javaHome, cpus).flag("-Xlog:class+load:file=" + log).run("InitPathProbe", mode);
    return classesBetweenMarks(Files.readAllLines(log), log);
  }

  /** The classes a class-load log lists between the probe's two marker classes. */
  static int classesBetweenMarks(List<String> lines, Object source) {
    int count = -1;
    for (String line : lines) {
      if (line.contains("InitPathProbe$After ")) {
        if (count < 0) {
          break;
        }
        return count;
      }
      if (count >= 0) {
        count++;
      } else if (line.contains("InitPathProbe$Before ")) {
        count = 0;
      }
    }
    throw new IllegalStateException("no marks in " + source);
  }
}
