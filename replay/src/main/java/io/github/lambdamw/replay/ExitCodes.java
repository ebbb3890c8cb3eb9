package io.github.lambdamw.replay;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes of every {@code mw} command, the contract scripts rely on. One table for all
 * subcommands: {@code mw --help}, each subcommand's {@code --help} and the README print it from
 * {@link #TABLE}.
 */
public final class ExitCodes {
  /** Done: listed, replayed, printed, written; also when there was nothing to do, and a dry run. */
  public static final int OK = 0;

  /**
   * {@code replay run}: some items failed or are uncertain; they are still in the table with their
   * error.
   */
  public static final int SOME_FAILED = 1;

  /**
   * The command line is wrong: unknown option, missing or bad argument, a file that does not exist.
   */
  public static final int USAGE = 2;

  /**
   * AWS could not be used: no region or credentials, unreachable, access denied, a table, parameter
   * or stack missing.
   */
  public static final int AWS_ERROR = 3;

  /** The window value is not valid; the message names the field, the value and what is expected. */
  public static final int INVALID_VALUE = 4;

  /**
   * A window is open, so nothing was done or something is still open: {@code replay run} refused
   * (the window is open, closed too recently, or cannot be read: see {@code --force}), or {@code
   * window close} wrote the value but a recurring window is still open.
   */
  public static final int WINDOW_OPEN = 5;

  /** A bug: something no message was written for. Please report it with the line printed. */
  public static final int INTERNAL = 70;

  /** The table as {@code --help} prints it: code, then meaning. */
  public static final Map<String, String> TABLE = table();

  private ExitCodes() {}

  private static Map<String, String> table() {
    Map<String, String> table = new LinkedHashMap<>();
    table.put(Integer.toString(OK), "done (also: nothing to do, a dry run, a valid value)");
    table.put(
        Integer.toString(SOME_FAILED),
        "replay run: some items failed or are uncertain; they stay in the table");
    table.put(Integer.toString(USAGE), "usage error: unknown option, bad argument, no such file");
    table.put(
        Integer.toString(AWS_ERROR),
        "AWS error: no region or credentials, unreachable, access denied, table, parameter or stack missing");
    table.put(Integer.toString(INVALID_VALUE), "the window value is not valid");
    table.put(
        Integer.toString(WINDOW_OPEN),
        "a window is open (or may be): replay refused, or close left a recurring window open");
    table.put(Integer.toString(INTERNAL), "internal error (a bug): please report the message");
    return Collections.unmodifiableMap(table);
  }
}
