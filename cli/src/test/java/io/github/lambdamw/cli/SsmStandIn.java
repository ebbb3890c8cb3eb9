package io.github.lambdamw.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * A minimal SSM Parameter Store speaking the JSON 1.1 protocol (GetParameter, PutParameter), for the command's tests
 * until the harness module's LocalSsm is on main; switch to it then.
 */
public final class SsmStandIn implements AutoCloseable {
  /** A parameter as stored: its value, its type and how many times it was written. */
  public record Parameter(String value, String type, long version) {}

  public final Map<String, Parameter> parameters = new ConcurrentHashMap<>();
  private final HttpServer server;

  public SsmStandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** An SDK client pointed at this server, with throwaway credentials. */
  public SsmClient client() {
    return SsmClient.builder()
        .endpointOverride(endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  public void put(String name, String value, String type) {
    parameters.put(name, new Parameter(value, type, 1));
  }

  public String value(String name) {
    Parameter parameter = parameters.get(name);
    return parameter == null ? null : parameter.value();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      Map<String, Object> request = JSON.std.mapFrom(exchange.getRequestBody());
      String name = (String) request.get("Name");
      switch (target == null ? "" : target) {
        case "AmazonSSM.GetParameter" -> {
          Parameter parameter = parameters.get(name);
          if (parameter == null) {
            reply(exchange, 400, Map.of("__type", "ParameterNotFound", "message", "Parameter " + name + " not found."));
            return;
          }
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("Name", name);
          body.put("Type", parameter.type());
          body.put("Value", parameter.value());
          body.put("Version", parameter.version());
          body.put("DataType", "text");
          reply(exchange, 200, Map.of("Parameter", body));
        }
        case "AmazonSSM.PutParameter" -> {
          Parameter existing = parameters.get(name);
          if (existing != null && !Boolean.TRUE.equals(request.get("Overwrite"))) {
            reply(exchange, 400, Map.of("__type", "ParameterAlreadyExists", "message", "The parameter already exists."));
            return;
          }
          String type = (String) request.getOrDefault("Type", existing == null ? null : existing.type());
          if (type == null) {
            reply(exchange, 400, Map.of("__type", "ValidationException", "message", "Type is required."));
            return;
          }
          long version = existing == null ? 1 : existing.version() + 1;
          parameters.put(name, new Parameter((String) request.get("Value"), type, version));
          reply(exchange, 200, Map.of("Version", version, "Tier", "Standard"));
        }
        default -> reply(exchange, 400, Map.of("__type", "InvalidAction", "message", "not served: " + target));
      }
    }
  }

  private static void reply(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
    byte[] bytes = JSON.std.asString(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
