package io.github.lambdamw.agent.internal.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The transformer takes itself off only once every dispatch class of one build is guarded: never
 * early (a dispatch class loaded later would run unguarded), and for every release the build
 * prepared.
 */
class GuardedBuildTest {
  /** Two releases whose {@code Fault} class is the same file, their {@code Loader$2} not. */
  private static final String SHARED_FAULT_CLASS =
      "shared-0 Fault ric-2.3.jar\n"
          + "a-0 Loader$2 ric-2.3.jar\n"
          + "shared-0 Fault ric-2.4.jar\n"
          + "b-0 Loader$2 ric-2.4.jar\n";

  @Test
  void everyPreparedRelease_isCompleteAtItsLastDispatchClass_andNotBefore() throws IOException {
    GuardedBuild index = GuardedBuild.load(GuardedBuildTest.class.getClassLoader());
    assertThat(index).isNotNull();
    Map<String, List<String>> entriesByJar = new LinkedHashMap<>();
    String text =
        new String(
            PreparedDispatchClasses.read(
                GuardedBuildTest.class.getClassLoader(),
                PreparedDispatchClasses.RESOURCE_FOLDER + "INDEX.txt"),
            java.nio.charset.StandardCharsets.UTF_8);
    for (String line : text.split("\n")) {
      String[] fields = line.trim().split(" ");
      entriesByJar.computeIfAbsent(fields[2], jar -> new ArrayList<>()).add(fields[0]);
    }
    assertThat(entriesByJar).hasSizeGreaterThan(10);

    for (Map.Entry<String, List<String>> jar : entriesByJar.entrySet()) {
      for (List<String> order : List.of(jar.getValue(), reversed(jar.getValue()))) {
        GuardedBuild build = GuardedBuild.parse(text);
        for (int i = 0; i < order.size(); i++) {
          assertThat(build.guarded(order.get(i)))
              .as(jar.getKey() + " after " + (i + 1) + " of " + order.size())
              .isEqualTo(i == order.size() - 1);
        }
      }
    }
  }

  @Test
  void theClassesToLoadAhead_areEachDispatchClassNameOnce_inTheIndexsOrder() {
    GuardedBuild build = GuardedBuild.parse(SHARED_FAULT_CLASS);

    assertThat(build.classNames()).containsExactly("Fault", "Loader$2");
  }

  @Test
  void aClassSharedByTwoReleases_completesNeitherAlone() {
    GuardedBuild build = GuardedBuild.parse(SHARED_FAULT_CLASS);

    assertThat(build.guarded("shared-0")).isFalse();
    assertThat(build.guarded("b-0")).isTrue();
  }

  @Test
  void theSameClassTwice_orAClassOfAnotherRelease_neverCompletesABuild() {
    GuardedBuild build =
        GuardedBuild.parse(
            "a-0 Fault ric-2.3.jar\n"
                + "b-0 Loader$2 ric-2.3.jar\n"
                + "c-0 Fault ric-2.4.jar\n"
                + "d-0 Loader$2 ric-2.4.jar\n");

    assertThat(build.guarded("a-0")).isFalse();
    assertThat(build.guarded("a-0")).isFalse();
    assertThat(build.guarded("d-0")).isFalse();
    assertThat(build.guarded("b-0")).isFalse();
    assertThat(build.guarded("unknown-0")).isFalse();
  }

  private static List<String> reversed(List<String> list) {
    List<String> copy = new ArrayList<>(list);
    java.util.Collections.reverse(copy);
    return copy;
  }
}
