package io.github.lambdamw.agent.internal.dispatch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import net.bytebuddy.dynamic.ClassFileLocator;

/**
 * Build step (run by the agent's pom in {@code process-test-classes}): transforms the dispatch
 * classes of every runtime-client jar in a folder, all releases and classifiers the build
 * downloaded, and writes each result beside its original into the agent's classes ({@link
 * PreparedDispatchClasses} names them), plus a human-readable {@code INDEX.txt}. A class file found
 * in several jars is written once.
 *
 * <p>Usage: {@code PrepareDispatchClasses <folder of RIC jars> <folder of their dependencies>
 * <output folder>}
 */
public final class PrepareDispatchClasses {
  private static final String PACKAGE =
      DispatchInstrumentation.RUNTIME_CLIENT_PACKAGE.replace('.', '/');
  private static final String REQUEST_HANDLER =
      DispatchInstrumentation.REQUEST_HANDLER.replace('.', '/');

  private PrepareDispatchClasses() {}

  public static void main(String[] args) throws IOException {
    List<Path> found = jars(Path.of(args[0]));
    ClassFileLocator dependencies = locator(jars(Path.of(args[1])));
    Path output = Path.of(args[2]);
    Files.createDirectories(output);
    // What an earlier build wrote: each original is written once, so a stale prepared class would
    // otherwise stay.
    try (Stream<Path> stale = Files.list(output)) {
      for (Path file : stale.toList()) {
        Files.delete(file);
      }
    }
    if (found.isEmpty()) {
      throw new IllegalStateException("no runtime interface client jars in " + args[0]);
    }
    TreeSet<String> index = new TreeSet<>();
    for (Path jar : found) {
      int guarded = prepare(jar, dependencies, output, index);
      if (guarded == 0) {
        throw new IllegalStateException(jar + " has no class implementing " + REQUEST_HANDLER);
      }
    }
    Files.write(output.resolve("INDEX.txt"), new ArrayList<>(index));
  }

  private static List<Path> jars(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
    }
  }

  private static ClassFileLocator locator(List<Path> jars) throws IOException {
    List<ClassFileLocator> locators = new ArrayList<>();
    for (Path jar : jars) {
      locators.add(new ClassFileLocator.ForJarFile(new JarFile(jar.toFile())));
    }
    return new ClassFileLocator.Compound(locators);
  }

  private static int prepare(
      Path jar, ClassFileLocator dependencies, Path output, TreeSet<String> index)
      throws IOException {
    int guarded = 0;
    try (JarFile file = new JarFile(jar.toFile());
        ClassFileLocator locator = new ClassFileLocator.ForJarFile(new JarFile(jar.toFile()))) {
      ClassFileLocator context =
          new ClassFileLocator.Compound(
              locator, dependencies, ClassFileLocator.ForClassLoader.ofSystemLoader());
      for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
        JarEntry entry = entries.nextElement();
        String name = entry.getName();
        if (!name.startsWith(PACKAGE) || !name.endsWith(".class")) {
          continue;
        }
        byte[] original;
        try (InputStream in = file.getInputStream(entry)) {
          original = in.readAllBytes();
        }
        if (!ClassFileInterfaces.implementsDirectly(original, REQUEST_HANDLER)) {
          continue;
        }
        String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
        String prepared = candidateName(output, original);
        if (!Files.exists(output.resolve(prepared + ".original"))) {
          Files.write(
              output.resolve(prepared + ".bin"),
              DispatchClassTransform.transform(className, original, context));
          Files.write(output.resolve(prepared + ".original"), original);
        }
        index.add(prepared + " " + className + " " + jar.getFileName());
        guarded++;
      }
    }
    return guarded;
  }

  /**
   * {@code <key>-<n>}: the stored original equal to {@code original}, or the first free {@code n}
   * of its key.
   */
  private static String candidateName(Path output, byte[] original) throws IOException {
    String key = PreparedDispatchClasses.key(original);
    for (int n = 0; ; n++) {
      Path stored = output.resolve(key + "-" + n + ".original");
      if (!Files.exists(stored) || Arrays.equals(Files.readAllBytes(stored), original)) {
        return key + "-" + n;
      }
    }
  }
}
