package io.github.lambdamw.e2e;

import io.github.lambdamw.harness.Harness;
import io.github.lambdamw.harness.dynamodb.DeferralTable;
import io.github.lambdamw.harness.function.BuiltArtifacts;
import io.github.lambdamw.harness.function.LambdaFunction;
import io.github.lambdamw.harness.runtimeapi.LocalLambda;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Starts test functions as Lambda would, with or without the layer, against one harness. */
final class GuardedFunctions {
  static final String TABLE = DeferralTable.DEFAULT_NAME;
  static final String PARAMETER = "maintenance-window";
  static final String CLOSED = "{\"windows\":[]}";
  static final String OPEN =
      "{\"windows\":[{\"start\":\"2020-01-01T00:00:00Z\",\"end\":\"2999-01-01T00:00:00Z\",\"reason\":\"e2e\"}]}";
  static final String HANDLERS = "io.github.lambdamw.testfunctions.";
  static final Duration READY = Duration.ofSeconds(60);

  private GuardedFunctions() {}

  /** A function through the real layer wrapper, so the agent is attached exactly as in Lambda. */
  static LambdaFunction guarded(
      Harness harness,
      LocalLambda lambda,
      Path javaHome,
      String ric,
      String handler,
      Map<String, String> env) {
    return start(
        harness,
        launcher(harness, lambda, javaHome, ric, handler)
            .withLayer(BuiltArtifacts.layerDir())
            .withEnv("MAINTENANCE_WINDOW_PARAMETER", PARAMETER)
            .withEnv("MAINTENANCE_WINDOW_TABLE", TABLE)
            .withEnv(env));
  }

  /** The same function with no layer at all: the reference for byte-identity. */
  static LambdaFunction unguarded(
      Harness harness, LocalLambda lambda, Path javaHome, String ric, String handler) {
    return start(harness, launcher(harness, lambda, javaHome, ric, handler));
  }

  private static LambdaFunction.Builder launcher(
      Harness harness, LocalLambda lambda, Path javaHome, String ric, String handler) {
    return harness
        .function(lambda)
        .withJavaHome(javaHome)
        .withRuntimeClient(ric)
        .withHandler(handler)
        .withFunctionJar(BuiltArtifacts.testFunctionsJar());
  }

  private static LambdaFunction start(Harness harness, LambdaFunction.Builder launcher) {
    return harness.track(launcher.start().awaitReady(READY));
  }

  /** Creates the table and opens a window, the state most open-window tests start from. */
  static void openWindow(Harness harness, DynamoDbClient dynamoDb) {
    DeferralTable.create(dynamoDb, TABLE);
    harness.ssm().put(PARAMETER, OPEN);
  }

  static DynamoDbClient dynamoDb(Harness harness) {
    return DynamoDbClient.builder()
        .endpointOverride(URI.create(harness.dynamoDb().endpoint().toString()))
        .region(Region.of(Harness.REGION))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  /**
   * Every item stored for {@code functionName}, in arrival order (chunk items excluded, as the
   * index does).
   */
  static List<Map<String, AttributeValue>> deferred(DynamoDbClient dynamoDb, String functionName) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":f", AttributeValue.fromS(functionName));
    List<Map<String, AttributeValue>> items =
        new ArrayList<>(
            dynamoDb
                .query(
                    QueryRequest.builder()
                        .tableName(TABLE)
                        .keyConditionExpression("functionName = :f")
                        .expressionAttributeValues(values)
                        .consistentRead(true)
                        .build())
                .items());
    items.removeIf(item -> !item.containsKey("arrivalKey"));
    items.sort(Comparator.comparing(item -> item.get("arrivalKey").s()));
    return items;
  }
}
