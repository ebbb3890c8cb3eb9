package io.github.lambdamw.harness.ssm;

/** An error answer, shaped like SSM's: {@code {"__type":…,"message":…}} with an HTTP status. */
final class SsmException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  final int status;
  final String type;

  SsmException(int status, String type, String message) {
    super(message, null, false, false);
    this.status = status;
    this.type = type;
  }

  static SsmException notFound(String name) {
    return new SsmException(400, "ParameterNotFound", "Parameter " + name + " not found.");
  }

  /** SSM's answer to a call over the account's quota: HTTP 400, not 429. */
  static SsmException throttling() {
    return new SsmException(400, "ThrottlingException", "Rate exceeded");
  }

  static SsmException validation(String message) {
    return new SsmException(400, "ValidationException", message);
  }
}
