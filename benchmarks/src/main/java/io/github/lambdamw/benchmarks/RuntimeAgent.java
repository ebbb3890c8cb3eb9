package io.github.lambdamw.benchmarks;

import io.github.lambdamw.harness.function.LambdaFunction;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The Java agent the managed runtime itself starts in every function: none (the harness's launch
 * command, and what a JVM with no other agent pays), or a stand-in for the Log4j hot-patch agent of
 * Lambda's java17 runtime ({@code Log4jHotPatchStandIn}), given to the unguarded baseline and the
 * guarded runs alike. With it, the baseline pays what every java17 function pays for a Java agent
 * (the module graph resolved at boot, a transformer seeing every class), which the guarded run then
 * no longer adds.
 */
enum RuntimeAgent {
  NONE,
  LOG4J_HOTPATCH;

  private static final String STAND_IN =
      "io/github/lambdamw/benchmarks/probes/Log4jHotPatchStandIn.class";

  static RuntimeAgent parse(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  /** The name on the command line and in file names: {@code none}, {@code log4j-hotpatch}. */
  String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Adds the agent to {@code builder}'s java command line, as Lambda's java17 command has it. */
  void use(LambdaFunction.Builder builder) {
    if (this == LOG4J_HOTPATCH) {
      builder.withJvmFlag("-javaagent:" + StandInJar.PATH + "=log4jFixerVerbose=false");
    }
  }

  /**
   * {@code benchmarks/target/runtime-agent/Log4jHotPatch.jar}, made once per run from the probes.
   */
  private static final class StandInJar {
    static final Path PATH = make();
  }

  private static Path make() {
    Path jar = Path.of("benchmarks/target/runtime-agent/Log4jHotPatch.jar").toAbsolutePath();
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.putValue("Premain-Class", STAND_IN.replace('/', '.').replace(".class", ""));
    main.putValue("Can-Retransform-Classes", "true");
    try {
      Files.createDirectories(jar.getParent());
      Path tmp = Files.createTempFile(jar.getParent(), "Log4jHotPatch", ".jar");
      try (OutputStream file = Files.newOutputStream(tmp);
          JarOutputStream out = new JarOutputStream(file, manifest)) {
        out.putNextEntry(new JarEntry(STAND_IN));
        out.write(Files.readAllBytes(Path.of("benchmarks/target/probe-classes", STAND_IN)));
        out.closeEntry();
      }
      Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make " + jar + " (build the benchmarks first)", e);
    }
  }
}
