package io.github.lambdamw.agent.internal.gate;

import io.github.lambdamw.agent.internal.AgentConfig;
import io.github.lambdamw.agent.internal.JsonText;
import io.github.lambdamw.agent.internal.aws.AwsEnvironment;
import io.github.lambdamw.agent.internal.aws.AwsError;
import io.github.lambdamw.agent.internal.aws.JsonCall;
import io.github.lambdamw.window.internal.JsonReader;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * Reads the window from an SSM parameter with one signed {@code GetParameter} call (SSM's JSON 1.1
 * protocol), not a whole {@code SsmClient}: see {@link JsonCall#forService} for how it is signed
 * and sent. Region, endpoint ({@code AWS_ENDPOINT_URL_SSM}) and credentials follow the SDK's
 * standard environment. Premain makes the first read on a background thread, overlapping the
 * runtime's own INIT.
 */
public final class SsmWindowSource implements WindowSource {
  /**
   * An unreachable SSM gets one retry, soon: a dropped connection would otherwise hold the window
   * back a whole interval. Throttling is not retried here: {@link WindowCache} retries it with
   * back-off, on a schedule shared by every thread of the environment.
   */
  private static final int ATTEMPTS = 2;

  private static final long RETRY_PAUSE_MILLIS = 100;

  private final String parameterName;
  private final Duration timeout;
  private final Map<String, String> env;
  private volatile JsonCall call;

  public SsmWindowSource(AgentConfig config, Map<String, String> env) {
    this.parameterName = config.parameterName();
    this.timeout = Duration.ofMillis(config.ssmTimeoutMillis());
    this.env = env;
  }

  @Override
  public String read() throws WindowReadException {
    return read(Long.MAX_VALUE);
  }

  /**
   * @throws WindowReadException {@link WindowReadException#throttled() throttled} when SSM answered
   *     with throttling, HTTP 429 or a server fault, or did not answer within the timeout
   */
  @Override
  public String read(long maxMillis) throws WindowReadException {
    String body =
        JsonText.appendQuoted(new StringBuilder("{\"Name\":"), parameterName)
            .append('}')
            .toString();
    long start = System.nanoTime();
    WindowReadException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      long left = maxMillis - (System.nanoTime() - start) / 1_000_000;
      int timeoutMillis = (int) Math.max(1, Math.min(timeout.toMillis(), left));
      try {
        JsonCall.Response response = call().call("GetParameter", body, timeoutMillis);
        if (response.status() == 200) {
          return value(response.body());
        }
        AwsError error = AwsError.of(response);
        if (error.type().equals("ParameterNotFound")) {
          throw new WindowReadException(describe() + " does not exist", null);
        }
        if (error.retryable()) {
          throw WindowReadException.throttled(describe() + " could not be read: " + error);
        }
        throw new WindowReadException(describe() + " could not be read: " + error, null);
      } catch (IOException e) {
        throwIfTimedOut(e);
        last =
            new WindowReadException(
                describe() + " could not be reached at " + endpointText() + ": " + e, e);
      } catch (java.io.UncheckedIOException e) {
        throwIfTimedOut(e.getCause());
        last =
            new WindowReadException(
                describe() + " could not be reached at " + endpointText() + ": " + e.getCause(), e);
      } catch (RuntimeException e) {
        throw new WindowReadException(describe() + " could not be read: " + e, e);
      }
      if (attempt == ATTEMPTS
          || maxMillis - (System.nanoTime() - start) / 1_000_000 <= RETRY_PAUSE_MILLIS) {
        break;
      }
      pause();
    }
    throw last;
  }

  /**
   * A timeout (connect or answer) is an SSM too busy to answer in time, like a throttle, not an SSM
   * that is not there (a refused connection, an unknown host): retried on the back-off schedule,
   * not turned into the fail mode.
   */
  private void throwIfTimedOut(IOException e) throws WindowReadException {
    if (e instanceof java.io.InterruptedIOException) {
      throw WindowReadException.throttled(
          describe() + " did not answer in time at " + endpointText() + ": " + e);
    }
  }

  @Override
  public String describe() {
    return "SSM parameter '" + parameterName + "'";
  }

  private String endpointText() {
    return new AwsEnvironment(env).endpointText(JsonCall.Protocol.SSM.service());
  }

  private String value(String body) throws WindowReadException {
    Object parameter = parse(body).get("Parameter");
    Object value = parameter instanceof Map<?, ?> map ? map.get("Value") : null;
    if (!(value instanceof String text)) {
      throw new WindowReadException(describe() + ": SSM answered without a value", null);
    }
    return text;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> parse(String body) throws WindowReadException {
    try {
      Object answer = body.isBlank() ? Map.of() : JsonReader.read(body);
      if (answer instanceof Map<?, ?>) {
        return (Map<String, Object>) answer;
      }
      throw new WindowReadException(
          describe() + ": SSM answered with JSON that is not an object", null);
    } catch (JsonReader.JsonSyntaxException e) {
      throw new WindowReadException(
          describe() + ": SSM answered with unreadable JSON: " + e.getMessage(), e);
    }
  }

  private JsonCall call() {
    JsonCall current = call;
    if (current == null) {
      synchronized (this) {
        current = call;
        if (current == null) {
          current = JsonCall.forService(new AwsEnvironment(env), JsonCall.Protocol.SSM, timeout);
          call = current;
        }
      }
    }
    return current;
  }

  private static void pause() {
    try {
      Thread.sleep(RETRY_PAUSE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
