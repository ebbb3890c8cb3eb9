package io.github.lambdamw.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdamw.demo.internal.DemoSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The demo stack's CDK context keys as the docs and cdk.json name them are the keys {@link
 * DemoSettings} reads, and the README's table lists every one of them. (Environment variables and
 * mw options: cli DocumentedNamesTest.)
 */
class DocumentedContextKeysTest {
  private static final Path ROOT = Path.of("..", "..");
  private static final Pattern DASH_C = Pattern.compile("(?<![\\w-])-c ([A-Za-z][\\w-]*)=");
  private static final Pattern TABLE_KEY =
      Pattern.compile("^\\| `([A-Za-z][\\w-]*)` \\|", Pattern.MULTILINE);
  private static final Pattern JSON_KEY = Pattern.compile("\"([A-Za-z][\\w-]*)\"\\s*:");

  /** README.md, docs/*.md and every module's README.md. */
  private static List<Path> docs() throws IOException {
    List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
      files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    for (Path dir : List.of(ROOT, ROOT.resolve("examples"))) {
      try (Stream<Path> modules = Files.list(dir)) {
        modules
            .filter(
                m ->
                    Files.isRegularFile(m.resolve("pom.xml"))
                        && Files.isRegularFile(m.resolve("README.md")))
            .sorted()
            .forEach(m -> docs.add(m.resolve("README.md")));
      }
    }
    return docs;
  }

  private static Set<String> group1(Pattern pattern, String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  /** The first column of the table under the README's "Context keys" heading. */
  private static Set<String> readmeTable() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    String section = readme.substring(readme.indexOf("### Context keys"));
    int next = section.indexOf("\n#", 1);
    return group1(TABLE_KEY, next < 0 ? section : section.substring(0, next));
  }

  @Test
  void theReadmesContextTable_listsExactlyTheKeysTheStackReads() throws IOException {
    assertThat(readmeTable()).isEqualTo(new TreeSet<>(DemoSettings.DEFAULTS.keySet()));
  }

  @Test
  void everyDashCKeyInTheDocs_isAKeyTheStackReads() throws IOException {
    List<Path> docs = docs();
    assertThat(docs).contains(ROOT.resolve("examples/demo-stack/README.md"));
    Set<String> named = new TreeSet<>();
    for (Path doc : docs) {
      named.addAll(group1(DASH_C, Files.readString(doc)));
    }
    // The syntax itself: "-c key=value".
    named.remove("key");
    assertThat(named).contains("replaySchedule").isSubsetOf(DemoSettings.DEFAULTS.keySet());
  }

  @Test
  void everyKeyInCdkJsonsContext_isAKeyTheStackReads_orTheCdkClis() throws IOException {
    String cdkJson = Files.readString(Path.of("cdk.json"));
    String context = cdkJson.substring(cdkJson.indexOf("\"context\""));
    context = context.substring(context.indexOf('{') + 1, context.indexOf('}'));
    Set<String> keys = group1(JSON_KEY, context);
    // The CDK CLI's own setting, not the stack's.
    keys.remove("cli-telemetry");
    assertThat(keys).isNotEmpty().isSubsetOf(DemoSettings.DEFAULTS.keySet());
  }
}
