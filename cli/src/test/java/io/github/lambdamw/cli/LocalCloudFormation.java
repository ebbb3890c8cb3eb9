package io.github.lambdamw.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;

/**
 * A CloudFormation stand-in for DescribeStacks, speaking the documented Query protocol: a
 * form-encoded POST with {@code Action=DescribeStacks&Version=2010-05-15&StackName=…}, signed with
 * SigV4 for service {@code cloudformation}; the answer is {@code DescribeStacksResponse} XML, and a
 * stack that does not exist is HTTP 400 with {@code <Code>ValidationError</Code>}, {@code Stack
 * with id NAME does not exist} (API reference, DescribeStacks and Common Errors).
 */
public final class LocalCloudFormation implements AutoCloseable {
  private static final String NAMESPACE = "http://cloudformation.amazonaws.com/doc/2010-05-15/";

  /** One output of a stack: key, value, description. */
  public record Output(String key, String value, String description) {}

  private final HttpServer server;
  private final Map<String, List<Output>> stacks = new ConcurrentHashMap<>();
  private final Set<String> denied = ConcurrentHashMap.newKeySet();
  private volatile String lastAuthorization;

  public LocalCloudFormation() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** A real SDK client for this server, with throwaway credentials. */
  public CloudFormationClient client() {
    return CloudFormationClient.builder()
        .endpointOverride(endpoint())
        .region(Region.EU_WEST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  /** Deploys (or replaces) a stack with these outputs. */
  public void deploy(String stackName, List<Output> outputs) {
    stacks.put(stackName, List.copyOf(outputs));
  }

  /** DescribeStacks of this stack is denied, as IAM denies it: HTTP 403, {@code AccessDenied}. */
  public void deny(String stackName) {
    denied.add(stackName);
  }

  /** The Authorization header of the last request. */
  public String lastAuthorization() {
    return lastAuthorization;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
      Map<String, String> form =
          form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      if (!"POST".equals(exchange.getRequestMethod())
          || !"2010-05-15".equals(form.get("Version"))) {
        answer(
            exchange, 400, error("InvalidParameterValue", "expected a POST of Version 2010-05-15"));
        return;
      }
      if (lastAuthorization == null
          || !lastAuthorization.contains("/cloudformation/aws4_request")) {
        answer(
            exchange,
            403,
            error("MissingAuthenticationToken", "Request is missing Authentication Token"));
        return;
      }
      if (!"DescribeStacks".equals(form.get("Action"))) {
        answer(
            exchange,
            400,
            error("InvalidAction", "Could not find operation " + form.get("Action")));
        return;
      }
      String name = form.get("StackName");
      if (denied.contains(name)) {
        answer(
            exchange,
            403,
            error(
                "AccessDenied",
                "User: arn:aws:iam::123456789012:user/test is not authorized to "
                    + "perform: cloudformation:DescribeStacks on resource: "
                    + name));
        return;
      }
      List<Output> outputs = stacks.get(name);
      if (outputs == null) {
        answer(
            exchange, 400, error("ValidationError", "Stack with id " + name + " does not exist"));
        return;
      }
      answer(exchange, 200, describeStacks(name, outputs));
    }
  }

  private static String describeStacks(String name, List<Output> outputs) {
    StringBuilder xml = new StringBuilder();
    xml.append("<DescribeStacksResponse xmlns=\"")
        .append(NAMESPACE)
        .append("\"><DescribeStacksResult><Stacks><member>")
        .append("<StackName>")
        .append(escape(name))
        .append("</StackName>")
        .append("<StackId>arn:aws:cloudformation:eu-west-1:123456789012:stack/")
        .append(escape(name))
        .append("/")
        .append(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)))
        .append("</StackId>")
        .append("<CreationTime>2026-12-01T00:00:00.000Z</CreationTime>")
        .append("<StackStatus>CREATE_COMPLETE</StackStatus><Outputs>");
    for (Output output : outputs) {
      xml.append("<member><OutputKey>")
          .append(escape(output.key()))
          .append("</OutputKey>")
          .append("<OutputValue>")
          .append(escape(output.value()))
          .append("</OutputValue>");
      if (output.description() != null) {
        xml.append("<Description>").append(escape(output.description())).append("</Description>");
      }
      xml.append("</member>");
    }
    return xml.append("</Outputs></member></Stacks></DescribeStacksResult>")
        .append("<ResponseMetadata><RequestId>")
        .append(UUID.randomUUID())
        .append("</RequestId></ResponseMetadata>")
        .append("</DescribeStacksResponse>")
        .toString();
  }

  private static String error(String code, String message) {
    return "<ErrorResponse xmlns=\""
        + NAMESPACE
        + "\"><Error><Type>Sender</Type><Code>"
        + code
        + "</Code><Message>"
        + escape(message)
        + "</Message></Error><RequestId>"
        + UUID.randomUUID()
        + "</RequestId></ErrorResponse>";
  }

  private static void answer(HttpExchange exchange, int status, String xml) throws IOException {
    byte[] body = xml.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/xml");
    exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
