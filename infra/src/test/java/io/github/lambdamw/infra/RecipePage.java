package io.github.lambdamw.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Markdown page cut into its "## " sections, with the parts the recipe checks read: code blocks,
 * table rows.
 */
final class RecipePage {

  private final String text;
  private final Map<String, String> sections;

  private RecipePage(String text, Map<String, String> sections) {
    this.text = text;
    this.sections = sections;
  }

  static RecipePage read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Map<String, String> sections = new LinkedHashMap<>();
    String title = "";
    StringBuilder body = new StringBuilder();
    for (String line : text.split("\n")) {
      if (line.startsWith("## ")) {
        sections.put(title, body.toString());
        title = line.substring(3).trim();
        body = new StringBuilder();
      } else {
        body.append(line).append('\n');
      }
    }
    sections.put(title, body.toString());
    return new RecipePage(text, sections);
  }

  /** The whole page. */
  String text() {
    return text;
  }

  /** The text of section {@code title}, headings below it included. */
  String section(String title) {
    assertThat(sections).containsKey(title);
    return sections.get(title);
  }

  /** The lines inside the code blocks of a section. */
  String codeOf(String title) {
    StringBuilder code = new StringBuilder();
    boolean inside = false;
    for (String line : section(title).split("\n")) {
      if (line.startsWith("```")) {
        inside = !inside;
      } else if (inside) {
        code.append(line).append('\n');
      }
    }
    assertThat(code).as("code in section %s", title).isNotEmpty();
    return code.toString();
  }

  /** The table rows of a section whose first cell is code. */
  String tableRowsOf(String title) {
    StringBuilder rows = new StringBuilder();
    for (String line : section(title).split("\n")) {
      if (line.startsWith("| `")) {
        rows.append(line).append('\n');
      }
    }
    return rows.toString();
  }

  /** Every distinct first group of {@code pattern} in {@code text}. */
  static Set<String> all(Pattern pattern, String text) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }
}
