package io.github.lambdamw.agent.internal.http;

/**
 * An HTTP answer as the agent needs it: status and body. A plain class rather than a record: a
 * record's generated {@code toString}/{@code equals} bootstrap {@code java.lang.invoke} on first
 * use, which the INIT path avoids.
 */
public final class HttpAnswer {
  private final int status;
  private final byte[] body;

  HttpAnswer(int status, byte[] body) {
    this.status = status;
    this.body = body;
  }

  public int status() {
    return status;
  }

  /** The body as received (chunked bodies joined), never {@code null}. */
  public byte[] body() {
    return body;
  }

  @Override
  public String toString() {
    return "HTTP " + status + " (" + body.length + " bytes)";
  }
}
