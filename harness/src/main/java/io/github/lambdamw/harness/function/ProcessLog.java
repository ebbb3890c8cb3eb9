package io.github.lambdamw.harness.function;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The merged stdout and stderr of a function's process, as Lambda would send them to CloudWatch:
 * copied line by line to a file (for a human after a failed test) and kept in memory (for
 * assertions).
 */
final class ProcessLog {

  private final Path file;
  private final List<String> lines = new ArrayList<>();
  private final Thread reader;

  private ProcessLog(Path file, InputStream output) {
    this.file = file;
    this.reader = new Thread(() -> copy(output), "function-log-" + file.getFileName());
    reader.setDaemon(true);
  }

  static ProcessLog follow(Path file, InputStream output) {
    ProcessLog log = new ProcessLog(file, output);
    log.reader.start();
    return log;
  }

  private void copy(InputStream output) {
    try (BufferedReader in =
            new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
        Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        out.write(line);
        out.write('\n');
        out.flush();
        synchronized (lines) {
          lines.add(line);
          lines.notifyAll();
        }
      }
    } catch (IOException e) {
      // The process was killed while we read: what was read is kept.
    }
  }

  Path file() {
    return file;
  }

  List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  /** The first line matching, waiting up to {@code wait} for it; null when none came. */
  String await(Predicate<String> predicate, Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    int seen = 0;
    synchronized (lines) {
      while (true) {
        for (; seen < lines.size(); seen++) {
          if (predicate.test(lines.get(seen))) {
            return lines.get(seen);
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return null;
        }
        TimeUnit.NANOSECONDS.timedWait(lines, left);
      }
    }
  }

  /** Waits for the reader to reach the end of the output (after the process ended). */
  void drain(Duration wait) {
    try {
      reader.join(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The last {@code count} lines, joined, for error messages. */
  String tail(int count) {
    List<String> all = lines();
    return String.join("\n", all.subList(Math.max(0, all.size() - count), all.size()));
  }

  static void createParent(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
