package io.github.lambdamw.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The audit of every function log a suite wrote: no line may contain {@link Fidelity#MARKER}. Every
 * payload carries the marker, except the events of a handler that itself prints its event
 * (ThrowingHandler's message, ScriptedHandler's {@code fail}: the runtime logs the exception, with
 * or without the agent), and those events are sent without it while the window is closed.
 */
public final class LogAudit {
  private LogAudit() {}

  /** Scans a suite's logs, records a row in the {@code log-audit} table, and asserts no hit. */
  public static void assertNoPayloadInLogs(String suite) {
    Path dir = Fidelity.logDir(suite);
    int files = 0;
    long lines = 0;
    List<String> hits = new ArrayList<>();
    byte[] marker = Fidelity.MARKER.getBytes(StandardCharsets.US_ASCII);
    try (Stream<Path> logs = Files.list(dir)) {
      for (Path log : logs.filter(Files::isRegularFile).sorted().toList()) {
        files++;
        // Read as ISO-8859-1: every byte maps to one char, so non-UTF-8 output is scanned too.
        String text = Files.readString(log, StandardCharsets.ISO_8859_1);
        for (String line : text.split("\n", -1)) {
          lines++;
          if (line.contains(new String(marker, StandardCharsets.ISO_8859_1))) {
            hits.add(log.getFileName() + ": " + line);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("suite", suite);
    row.put("logFiles", files);
    row.put("lines", lines);
    row.put("linesWithPayload", hits.size());
    Results.record(suite, "log-audit", row);
    assertThat(files).as("function logs of " + suite).isPositive();
    assertThat(hits).as("log lines carrying payload content").isEmpty();
  }
}
