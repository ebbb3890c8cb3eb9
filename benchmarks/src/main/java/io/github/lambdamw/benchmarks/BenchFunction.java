package io.github.lambdamw.benchmarks;

import io.github.lambdamw.harness.function.BuiltArtifacts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Which function a cold-start benchmark starts, with the jars it is deployed with. */
enum BenchFunction {
  /**
   * The sample function ({@code ScheduledJobHandler}): no AWS call of its own, so nothing of the
   * agent's HTTPS set-up is shared with it. The worst case for the agent.
   */
  SAMPLE(BuiltArtifacts.SAMPLE_HANDLER, "scheduled job ran", false),
  /**
   * {@code SsmCallingHandler} (benchmarks/src/function): an SDK v2 {@code SsmClient} built in a
   * static field, one {@code GetParameter} per invocation, as a function that calls AWS is written.
   */
  REALISTIC(
      "io.github.lambdamw.benchmarks.function.SsmCallingHandler",
      LocalAws.FUNCTION_PARAMETER_VALUE,
      true);

  final String handler;

  /** A text the answer of a handler that ran contains. */
  final String answerMarker;

  /** Whether the handler itself reads its SSM parameter in every invocation. */
  final boolean callsSsm;

  BenchFunction(String handler, String answerMarker, boolean callsSsm) {
    this.handler = handler;
    this.answerMarker = answerMarker;
    this.callsSsm = callsSsm;
  }

  /** The jars of the function's deployment, for a runtime of Java {@code feature}. */
  List<Path> jars(int feature) {
    if (this == SAMPLE) {
      return List.of(SampleFunctionJar.forJava(feature));
    }
    // Built by the module (compiled with --release 17): the handler's jar, and its libraries.
    Path dir = Path.of("benchmarks/target/realistic-function").toAbsolutePath();
    List<Path> jars = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.filter(p -> p.toString().endsWith("-function.jar")).forEach(jars::add);
      for (String lib : Files.readString(dir.resolve("lib.txt")).strip().split(":")) {
        jars.add(Path.of(lib));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "no realistic function in " + dir + "; build with BENCH_REBUILD=true", e);
    }
    if (jars.size() < 2) {
      throw new IllegalStateException("no realistic function jar in " + dir);
    }
    return jars;
  }

  /** The name on the command line and in tables: {@code sample}, {@code realistic}. */
  String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  static List<BenchFunction> parseList(String ids) {
    List<BenchFunction> functions = new ArrayList<>();
    for (String id : ids.split(",")) {
      functions.add(valueOf(id.trim().toUpperCase(Locale.ROOT)));
    }
    return functions;
  }

  @Override
  public String toString() {
    return id();
  }
}
