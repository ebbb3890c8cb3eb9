package io.github.lambdamw.harness.ssm;

import com.fasterxml.jackson.jr.ob.JSON;
import com.sun.net.httpserver.HttpExchange;
import io.github.lambdamw.harness.internal.Exchanges;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * SSM's JSON 1.1 protocol: {@code POST /} with {@code X-Amz-Target: AmazonSSM.<Action>}. Speaks the
 * four actions the project uses; others answer {@code UnknownOperationException}.
 */
final class SsmHandler {

  private static final String TARGET_PREFIX = "AmazonSSM.";
  private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

  private final ParameterStore store;
  private final SsmFaults faults;
  private final String arnPrefix;

  SsmHandler(ParameterStore store, SsmFaults faults, String region, String accountId) {
    this.store = store;
    this.faults = faults;
    this.arnPrefix = "arn:aws:ssm:" + region + ":" + accountId + ":parameter";
  }

  void handle(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
    exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
    try {
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      if (!"POST".equals(exchange.getRequestMethod())
          || target == null
          || !target.startsWith(TARGET_PREFIX)) {
        throw new SsmException(400, "UnknownOperationException", "Unknown operation " + target);
      }
      String action = target.substring(TARGET_PREFIX.length());
      byte[] body = Exchanges.body(exchange);
      faults.before(action);
      Map<String, Object> request = body.length == 0 ? Map.of() : JSON.std.mapFrom(body);
      Exchanges.send(exchange, 200, JSON.std.asBytes(dispatch(action, request)));
    } catch (SsmException e) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("__type", e.type);
      error.put("message", e.getMessage());
      Exchanges.send(exchange, e.status, JSON.std.asBytes(error));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.close();
    }
  }

  private Map<String, Object> dispatch(String action, Map<String, Object> request) {
    return switch (action) {
      case "GetParameter" -> getParameter(request);
      case "GetParameters" -> getParameters(request);
      case "PutParameter" -> putParameter(request);
      case "DeleteParameter" -> deleteParameter(request);
      default ->
          throw new SsmException(400, "UnknownOperationException", "Unknown operation " + action);
    };
  }

  private Map<String, Object> getParameter(Map<String, Object> request) {
    String name = string(request, "Name");
    if (name == null || name.isEmpty()) {
      throw SsmException.validation(
          "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member"
              + " must not be null");
    }
    SsmParameter parameter = store.get(name);
    if (parameter == null) {
      throw SsmException.notFound(name);
    }
    return Map.of("Parameter", describe(parameter));
  }

  private Map<String, Object> getParameters(Map<String, Object> request) {
    List<Object> found = new ArrayList<>();
    List<Object> invalid = new ArrayList<>();
    Object names = request.get("Names");
    if (!(names instanceof List<?> list) || list.isEmpty()) {
      throw SsmException.validation(
          "1 validation error detected: Value null at 'names' failed to satisfy constraint: Member"
              + " must not be null");
    }
    for (Object name : list) {
      SsmParameter parameter = store.get(String.valueOf(name));
      if (parameter == null) {
        invalid.add(String.valueOf(name));
      } else {
        found.add(describe(parameter));
      }
    }
    return Map.of("Parameters", found, "InvalidParameters", invalid);
  }

  private Map<String, Object> putParameter(Map<String, Object> request) {
    SsmParameter stored =
        store.put(
            string(request, "Name"),
            string(request, "Value"),
            string(request, "Type"),
            Boolean.TRUE.equals(request.get("Overwrite")));
    return Map.of("Version", stored.version(), "Tier", "Standard");
  }

  private Map<String, Object> deleteParameter(Map<String, Object> request) {
    String name = string(request, "Name");
    if (!store.delete(name)) {
      throw SsmException.notFound(name);
    }
    return Map.of();
  }

  private Map<String, Object> describe(SsmParameter parameter) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("ARN", arnPrefix + (parameter.name().startsWith("/") ? "" : "/") + parameter.name());
    out.put("DataType", "text");
    // The JSON protocols carry timestamps as epoch seconds with a fraction.
    out.put("LastModifiedDate", parameter.lastModifiedDate().toEpochMilli() / 1000.0);
    out.put("Name", parameter.name());
    out.put("Type", parameter.type());
    out.put("Value", parameter.value());
    out.put("Version", parameter.version());
    return out;
  }

  private static String string(Map<String, Object> request, String field) {
    Object value = request.get(field);
    return value == null ? null : value.toString();
  }
}
