package io.github.lambdamw.agent.internal.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/** One signed call of an AWS JSON 1.1 API (SSM's, here): the operation, its JSON body, the answer. */
public interface JsonCall {

  /** The answer: HTTP status and body. */
  record Response(int status, String body) {}

  /**
   * @throws IOException when the service could not be reached or the connection broke
   * @throws UncheckedIOException the same, from code that cannot throw checked exceptions
   */
  Response call(String operation, String jsonBody) throws IOException;

  /**
   * The cheapest call that is correct here: signed with the JDK alone when the environment holds the region and
   * credentials (every Lambda function), else through the SDK's provider chains.
   */
  static JsonCall forService(AwsEnvironment environment, String service, String targetPrefix, Duration timeout) {
    AwsEnvironment.Credentials credentials = environment.environmentCredentials();
    String region = environment.region();
    if (credentials != null && region != null) {
      return new SigV4JsonCall(
          environment.endpoint(service, region), region, service, targetPrefix, credentials, timeout);
    }
    return new SdkJsonCall(environment, service, targetPrefix, timeout);
  }
}
