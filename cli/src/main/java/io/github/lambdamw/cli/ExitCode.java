package io.github.lambdamw.cli;

/** The exit codes scripts can rely on; every command's --help lists the ones it uses. */
public final class ExitCode {
  /** Done: the value is valid, the status was printed, the parameter was written. */
  public static final int OK = 0;
  /** Something unexpected; the message says what. */
  public static final int FAILED = 1;
  /** The window value is not valid; the message names the field, the value and what is expected. */
  public static final int INVALID_VALUE = 2;
  /** The parameter could not be read or written (missing, no access, SSM unreachable). */
  public static final int PARAMETER_ERROR = 3;
  /** {@code close} wrote the value, but a recurring window is still open now. */
  public static final int STILL_OPEN = 4;
  /** The command line itself is wrong (unknown option, missing argument, bad instant or duration). */
  public static final int USAGE = 64;

  private ExitCode() {}
}
