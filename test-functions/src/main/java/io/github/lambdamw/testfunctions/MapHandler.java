package io.github.lambdamw.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Map in, Map out: the event comes back with one key added, so a test sees that the handler really
 * ran.
 */
public final class MapHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    Map<String, Object> answer = new LinkedHashMap<>();
    if (event != null) {
      answer.putAll(event);
    }
    answer.put("handledBy", "MapHandler");
    return answer;
  }
}
