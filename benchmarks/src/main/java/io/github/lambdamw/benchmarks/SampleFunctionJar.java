package io.github.lambdamw.benchmarks;

import io.github.lambdamw.harness.function.BuiltArtifacts;
import io.github.lambdamw.harness.function.RuntimeClients;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * The sample function for a given Java: the built jar on 21 and newer; for older Javas its sources
 * compiled again with {@code --release <feature>} (the sample-function module targets 21, which a
 * java17 runtime cannot load), once, into {@code benchmarks/target/}.
 */
final class SampleFunctionJar {
  private SampleFunctionJar() {}

  static Path forJava(int feature) {
    if (feature >= 21) {
      return BuiltArtifacts.sampleFunctionJar();
    }
    Path jar =
        Path.of("benchmarks/target/sample-function-java" + feature + ".jar").toAbsolutePath();
    if (Files.isRegularFile(jar)) {
      return jar;
    }
    try {
      return compile(feature, jar);
    } catch (IOException e) {
      throw new IllegalStateException("cannot build " + jar, e);
    }
  }

  private static Path compile(int feature, Path jar) throws IOException {
    Path sources = Path.of("sample-function/src/main/java").toAbsolutePath();
    Path classes = Files.createDirectories(jar.resolveSibling(jar.getFileName() + ".classes"));
    Path lambdaCore;
    try (Stream<Path> files =
        Files.list(RuntimeClients.locate(LocalAws.RIC).classPath().get(0).getParent())) {
      lambdaCore =
          files
              .filter(p -> p.getFileName().toString().startsWith("aws-lambda-java-core-"))
              .findFirst()
              .orElseThrow();
    }
    List<String> args =
        new ArrayList<>(
            List.of(
                "--release",
                Integer.toString(feature),
                "-cp",
                lambdaCore.toString(),
                "-d",
                classes.toString()));
    try (Stream<Path> files = Files.walk(sources)) {
      files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
    }
    if (ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new))
        != 0) {
      throw new IllegalStateException("javac failed on " + sources);
    }
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file);
        Stream<Path> files = Files.walk(classes)) {
      for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
        Files.copy(p, out);
        out.closeEntry();
      }
    }
    return jar;
  }
}
