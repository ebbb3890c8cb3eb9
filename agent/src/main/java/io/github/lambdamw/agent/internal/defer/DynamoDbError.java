package io.github.lambdamw.agent.internal.defer;

import io.github.lambdamw.agent.internal.aws.JsonCall;
import io.github.lambdamw.window.internal.JsonReader;
import java.util.Map;

/**
 * A DynamoDB error answer: {@code {"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException",
 * "message":"…"}}, and whether asking again may succeed.
 */
record DynamoDbError(int status, String type, String message) {

  static DynamoDbError of(JsonCall.Response response) {
    Object parsed;
    try {
      parsed = response.body().isBlank() ? Map.of() : JsonReader.read(response.body());
    } catch (JsonReader.JsonSyntaxException e) {
      parsed = Map.of();
    }
    Map<?, ?> body = parsed instanceof Map<?, ?> map ? map : Map.of();
    Object type = body.get("__type");
    Object message = body.get("message") != null ? body.get("message") : body.get("Message");
    String simpleType = type == null ? "HTTP " + response.status() : type.toString();
    int hash = simpleType.lastIndexOf('#');
    return new DynamoDbError(
        response.status(),
        hash < 0 ? simpleType : simpleType.substring(hash + 1),
        message == null ? abbreviated(response.body()) : message.toString());
  }

  /** Throttling and server faults pass; the SDK retries the same ones. */
  boolean retryable() {
    return status >= 500
        || type.equals("ProvisionedThroughputExceededException")
        || type.equals("ThrottlingException")
        || type.equals("RequestLimitExceeded");
  }

  @Override
  public String toString() {
    return type + ": " + message;
  }

  private static String abbreviated(String body) {
    return body.length() <= 200 ? body : body.substring(0, 200) + "…";
  }
}
