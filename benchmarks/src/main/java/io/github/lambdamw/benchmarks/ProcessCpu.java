package io.github.lambdamw.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time a process has used so far (user + system, all its threads), from {@code
 * /proc/<pid>/stat}. Beside a cold start's wall time it tells work from waiting: on a shared
 * machine the wall time of a run grows with the other sessions' load, its CPU time much less.
 */
final class ProcessCpu {
  /** Linux's USER_HZ, the unit of utime and stime: 100 on every mainstream kernel build. */
  private static final double MILLIS_PER_TICK = 10.0;

  private ProcessCpu() {}

  static double millis(long pid) {
    String stat;
    try {
      stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the CPU time of " + pid, e);
    }
    return millisOf(stat);
  }

  /** From the text of a {@code stat} file: fields 14 (utime) and 15 (stime), in ticks. */
  static double millisOf(String stat) {
    // Field 2, the command in brackets, may hold spaces: count from the last ')'. After it come
    // field 3 (state), so utime is the 12th and stime the 13th word.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MILLIS_PER_TICK;
  }
}
