package io.github.lambdamw.harness.demo;

/** The demo saw something other than what it shows; the message says what and where to look. */
final class DemoFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  DemoFailure(String message) {
    super(message);
  }
}
