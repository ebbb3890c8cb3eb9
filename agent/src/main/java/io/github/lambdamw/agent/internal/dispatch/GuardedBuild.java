package io.github.lambdamw.agent.internal.dispatch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Tells when every dispatch class of the runtime-client build in this JVM has been guarded, from
 * the build's {@code INDEX.txt} ({@code <entry> <class> <jar>} per prepared class): each jar of
 * every release has its own lines, and the build is a jar whose every line has been matched. From
 * then on the transformer has nothing left to do, and {@link DispatchTransformer} takes itself off:
 * while any transformer is registered the JVM hands it every class it loads (and reads each class
 * of its shared archive again to do so), for the life of the function.
 */
final class GuardedBuild {
  private final Map<String, Set<String>> jarsByEntry;
  private final Map<String, Integer> entriesByJar;
  private final Set<String> classNames;
  private final Set<String> guarded = new HashSet<>();
  private Set<String> candidates;

  private GuardedBuild(
      Map<String, Set<String>> jarsByEntry,
      Map<String, Integer> entriesByJar,
      Set<String> classNames) {
    this.jarsByEntry = jarsByEntry;
    this.entriesByJar = entriesByJar;
    this.classNames = classNames;
  }

  /**
   * The binary names of the dispatch classes of every build, e.g. {@code …EventHandlerLoader$2}.
   */
  Set<String> classNames() {
    return classNames;
  }

  /** The index among {@code loader}'s resources; {@code null} when it has none. */
  static GuardedBuild load(ClassLoader loader) throws IOException {
    byte[] index =
        PreparedDispatchClasses.read(loader, PreparedDispatchClasses.RESOURCE_FOLDER + "INDEX.txt");
    return index == null ? null : parse(new String(index, StandardCharsets.UTF_8));
  }

  static GuardedBuild parse(String index) {
    Map<String, Set<String>> jarsByEntry = new HashMap<>();
    Map<String, Integer> entriesByJar = new HashMap<>();
    Set<String> classNames = new LinkedHashSet<>();
    for (String line : index.split("\n")) {
      String[] fields = line.trim().split(" ");
      if (fields.length == 3) {
        // No lambdas: this runs on the runtime client's thread at its first dispatch class.
        Set<String> jars = jarsByEntry.get(fields[0]);
        if (jars == null) {
          jars = new HashSet<>();
          jarsByEntry.put(fields[0], jars);
        }
        jars.add(fields[2]);
        Integer entries = entriesByJar.get(fields[2]);
        entriesByJar.put(fields[2], entries == null ? 1 : entries + 1);
        classNames.add(fields[1]);
      }
    }
    return new GuardedBuild(jarsByEntry, entriesByJar, classNames);
  }

  /**
   * Notes that the class stored as {@code entry} was guarded; {@code true} once the classes guarded
   * so far are all the dispatch classes of one build that holds each of them.
   */
  synchronized boolean guarded(String entry) {
    Set<String> jars = jarsByEntry.get(entry);
    if (jars == null || !guarded.add(entry)) {
      return false;
    }
    if (candidates == null) {
      candidates = new HashSet<>(jars);
    } else {
      candidates.retainAll(jars);
    }
    for (String jar : candidates) {
      if (entriesByJar.get(jar) == guarded.size()) {
        return true;
      }
    }
    return false;
  }
}
