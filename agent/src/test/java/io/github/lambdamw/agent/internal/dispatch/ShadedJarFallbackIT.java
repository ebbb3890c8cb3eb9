package io.github.lambdamw.agent.internal.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shaded agent jar, as the layer ships it, still guards a runtime-client build it has no
 * prepared class for: its relocated Byte Buddy, as much of it as the shade plugin kept, driven
 * through the run-time path ({@link DispatchTransformer} with prepared classes off, the client's
 * classes read from its class loader), weaves every dispatch class the build prepared into exactly
 * the prepared bytes. The unit tests run the unshaded Byte Buddy; only this test sees what the
 * shade plugin left out.
 */
class ShadedJarFallbackIT {
  private static final Path AGENT_JAR = Path.of(System.getProperty("lmw.agent.jar"));
  private static final Path RUNTIME_CLIENTS = Path.of(System.getProperty("lmw.runtime.clients"));
  private static final Path CLIENT_DEPENDENCIES =
      Path.of(System.getProperty("lmw.runtime.client.dependencies"));
  private static final String PREPARED = "io/github/lambdamw/agent/internal/dispatch/prepared/";

  @Test
  void everyPreparedBuild_isWovenAtRunTimeByTheShadedJar_intoThePreparedBytes() throws Exception {
    // The platform loader as parent: every class of the agent, Byte Buddy included, comes from the
    // shaded jar.
    try (URLClassLoader agent =
        new URLClassLoader(urls(List.of(AGENT_JAR)), ClassLoader.getPlatformClassLoader())) {
      ClassFileTransformer transformer =
          (ClassFileTransformer)
              agent
                  .loadClass(DispatchTransformer.class.getName())
                  .getConstructor(boolean.class, java.lang.instrument.Instrumentation.class)
                  .newInstance(false, null);
      List<String> index =
          new String(resource(agent, PREPARED + "INDEX.txt"), StandardCharsets.UTF_8)
              .lines()
              .toList();
      assertThat(index).isNotEmpty();

      for (String line : index) {
        String[] fields = line.split(" "); // <prepared name> <class name> <runtime-client jar>
        Path clientJar = RUNTIME_CLIENTS.resolve(fields[2]);
        String internalName = fields[1].replace('.', '/');
        byte[] original;
        try (JarFile jar = new JarFile(clientJar.toFile());
            InputStream in = jar.getInputStream(jar.getEntry(internalName + ".class"))) {
          original = in.readAllBytes();
        }
        List<Path> classPath = new ArrayList<>(List.of(clientJar));
        classPath.addAll(jars(CLIENT_DEPENDENCIES));
        try (URLClassLoader client =
            new URLClassLoader(urls(classPath), ClassLoader.getPlatformClassLoader())) {
          byte[] woven = transformer.transform(client, internalName, null, null, original);

          assertThat(woven)
              .as(
                  "%s not woven: the agent's 'could not guard' line is in target/failsafe-reports",
                  line)
              .isNotNull();
          // Compared as a boolean: a byte-array mismatch would print both class files.
          assertThat(Arrays.equals(woven, resource(agent, PREPARED + fields[0] + ".bin")))
              .as("%s woven differently from its prepared class", line)
              .isTrue();
        }
      }
    }
  }

  private static byte[] resource(ClassLoader loader, String name) throws IOException {
    try (InputStream in = loader.getResourceAsStream(name)) {
      assertThat(in).as("%s in %s", name, AGENT_JAR).isNotNull();
      return in.readAllBytes();
    }
  }

  private static List<Path> jars(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
    }
  }

  private static URL[] urls(List<Path> paths) throws IOException {
    URL[] urls = new URL[paths.size()];
    for (int i = 0; i < urls.length; i++) {
      urls[i] = paths.get(i).toUri().toURL();
    }
    return urls;
  }
}
