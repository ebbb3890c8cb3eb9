package io.github.lambdamw.fidelity;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Rows the suites write for docs/fidelity.md: one JSON object per line in {@code
 * target/fidelity-results/<table>--<suite>.jsonl}; {@link FidelityTables} merges the files of a
 * table and renders it as Markdown.
 */
public final class Results {
  static final Path DIR = Path.of("target", "fidelity-results");

  private Results() {}

  /** Forgets the rows a suite wrote before (call in its {@code @BeforeAll}). */
  public static synchronized void reset(String suite) {
    try {
      Files.createDirectories(DIR);
      try (var files = Files.list(DIR)) {
        for (Path file : files.toList()) {
          if (file.getFileName().toString().endsWith("--" + suite + ".jsonl")) {
            Files.delete(file);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Appends a row; keys keep their order (use a LinkedHashMap or Map.of for one key). */
  public static synchronized void record(String suite, String table, Map<String, ?> row) {
    try {
      Files.createDirectories(DIR);
      Files.writeString(
          DIR.resolve(table + "--" + suite + ".jsonl"),
          JSON.std.asString(row) + "\n",
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
