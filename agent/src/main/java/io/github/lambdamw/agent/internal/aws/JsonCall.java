package io.github.lambdamw.agent.internal.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * One signed call of an AWS JSON API (SSM's JSON 1.1, DynamoDB's JSON 1.0): the operation, its JSON
 * body, the answer. The agent makes its few calls this way rather than through the SDK's service
 * clients: a service client costs hundreds of milliseconds to build in a cold JVM and megabytes of
 * layer, for one operation each.
 */
public interface JsonCall {

  /** The answer: HTTP status and body. */
  record Response(int status, String body) {}

  /**
   * @param timeoutMillis for the whole call: connect, TLS handshake, request and the whole answer
   * @throws IOException when the service could not be reached, the connection broke or the call did
   *     not end in time
   * @throws UncheckedIOException the same, from code that cannot throw checked exceptions
   */
  Response call(String operation, String jsonBody, int timeoutMillis) throws IOException;

  /**
   * Opens the connection the next call will use, so that its TCP and TLS handshakes happen now (on
   * a background thread) rather than in the call. Best effort: the next call opens its own if this
   * one is gone.
   */
  default void connectAhead() throws IOException {}

  /** {@link #call(String, String, int)} with the timeout the call was created with. */
  Response call(String operation, String jsonBody) throws IOException;

  /**
   * The cheapest call that is correct here: signed with the JDK alone when the environment holds
   * the region and credentials (every Lambda function), else through the SDK's provider chains.
   */
  static JsonCall forService(AwsEnvironment environment, Protocol protocol, Duration timeout) {
    AwsEnvironment.Credentials credentials = environment.environmentCredentials();
    String region = environment.region();
    if (credentials != null && region != null) {
      return new SigV4JsonCall(
          environment.endpoint(protocol.service(), region), region, protocol, credentials, timeout);
    }
    return new SdkJsonCall(environment, protocol, timeout);
  }

  /**
   * How a service speaks JSON: its signing name (also its endpoint prefix), the {@code
   * X-Amz-Target} prefix, and the content type naming the protocol version.
   */
  record Protocol(String service, String targetPrefix, String contentType) {
    public static final Protocol SSM =
        new Protocol("ssm", "AmazonSSM", "application/x-amz-json-1.1");
    public static final Protocol DYNAMODB =
        new Protocol("dynamodb", "DynamoDB_20120810", "application/x-amz-json-1.0");
  }
}
