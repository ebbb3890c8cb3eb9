package io.github.lambdamw.agent.internal.aws;

import io.github.lambdamw.window.internal.JsonReader;
import java.util.Map;

/**
 * An error answer of an AWS JSON API (SSM's and DynamoDB's alike): {@code
 * {"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"…"}}, read
 * leniently (a proxy's HTML page is still an answer to report), and whether asking again may
 * succeed.
 *
 * @param type the simple name of {@code __type}, or {@code UnknownError} when the answer has none
 */
public record AwsError(int status, String type, String message) {

  public static AwsError of(JsonCall.Response response) {
    Object parsed;
    try {
      parsed = response.body().isBlank() ? Map.of() : JsonReader.read(response.body());
    } catch (JsonReader.JsonSyntaxException e) {
      parsed = Map.of();
    }
    Map<?, ?> body = parsed instanceof Map<?, ?> map ? map : Map.of();
    Object type = body.get("__type");
    Object message = body.get("message") != null ? body.get("message") : body.get("Message");
    String simpleType = type == null ? "UnknownError" : type.toString();
    int hash = simpleType.lastIndexOf('#');
    return new AwsError(
        response.status(),
        hash < 0 ? simpleType : simpleType.substring(hash + 1),
        message == null ? abbreviated(response.body()) : message.toString());
  }

  /** Throttling and server faults pass; the SDK retries the same ones. */
  public boolean retryable() {
    return status >= 500 || throttling();
  }

  /**
   * The service refused for load, not for the request: HTTP 429 or a throttling type (SSM answers
   * HTTP 400 {@code ThrottlingException}, DynamoDB {@code ProvisionedThroughputExceededException}),
   * as the SDK's retry policy reads them. Asking again later will succeed; the answer says nothing
   * about the resource.
   */
  public boolean throttling() {
    return status == 429
        || type.equals("ProvisionedThroughputExceededException")
        || type.equals("ThrottlingException")
        || type.equals("Throttling")
        || type.equals("TooManyRequestsException")
        || type.equals("RequestLimitExceeded");
  }

  @Override
  public String toString() {
    return "HTTP " + status + " " + type + ": " + message;
  }

  private static String abbreviated(String body) {
    return body.length() <= 200 ? body : body.substring(0, 200) + "…";
  }
}
