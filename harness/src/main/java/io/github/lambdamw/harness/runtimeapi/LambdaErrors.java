package io.github.lambdamw.harness.runtimeapi;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Error documents shaped like Lambda's. */
final class LambdaErrors {

  private LambdaErrors() {}

  /** The Runtime API's error shape. */
  static byte[] runtimeError(String errorType, String errorMessage) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("errorMessage", errorMessage);
    error.put("errorType", errorType);
    return json(error);
  }

  /**
   * The Invoke API's error shape: {@code {"Type":"User","message":…}}; the SDK reads the error code
   * from the {@code x-amzn-ErrorType} header sent with it.
   */
  static byte[] invokeError(String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("Type", "User");
    error.put("message", message);
    return json(error);
  }

  private static byte[] json(Map<String, Object> document) {
    try {
      return JSON.std.asBytes(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
