package io.github.lambdamw.replay;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * One test's world: a fresh table in a shared dynoxide, an SSM parameter, and the Invoke API of one
 * function; the replay's own SDK clients (as {@link ReplayClients} builds them) pointed at them.
 */
final class Rig implements AutoCloseable {
  static final String FUNCTION = "orders-handler";
  static final String PARAMETER = "maintenance-window";
  static final String CLOSED_WINDOW = "2020-01-01T00:00:00Z,2020-01-01T01:00:00Z";
  static final String OPEN_WINDOW =
      "{\"windows\":[{\"start\":\"2020-01-01T00:00:00Z\",\"end\":\"2999-01-01T00:00:00Z\"}]}";

  private static final AtomicInteger TABLES = new AtomicInteger();

  final Dynoxide dynoxide;
  final DynamoDbClient dynamo;
  final DeferredTableFixture table;
  final LocalSsmStandIn ssmServer;
  final LocalInvokeApiStandIn lambdaServer;
  final SsmClient ssm;
  final LambdaClient lambdaAsync;
  final LambdaClient lambdaSync;

  Rig(Dynoxide dynoxide) throws IOException {
    this.dynoxide = dynoxide;
    this.dynamo = LocalAws.at(ReplayClients.dynamoBuilder(), dynoxide.endpoint()).build();
    this.table = DeferredTableFixture.create(dynamo, "deferred-" + TABLES.incrementAndGet());
    this.ssmServer = new LocalSsmStandIn();
    ssmServer.put(PARAMETER, CLOSED_WINDOW);
    this.lambdaServer = new LocalInvokeApiStandIn(FUNCTION);
    this.ssm = LocalAws.at(ReplayClients.ssmBuilder(), ssmServer.endpoint()).build();
    this.lambdaAsync =
        LocalAws.at(ReplayClients.lambdaBuilder(false), lambdaServer.endpoint()).build();
    this.lambdaSync =
        LocalAws.at(ReplayClients.lambdaBuilder(true), lambdaServer.endpoint()).build();
  }

  ReplaySettings.Builder settings() {
    return ReplaySettings.builder()
        .withTableName(table.tableName())
        .withFunctionName(FUNCTION)
        .withParameterName(PARAMETER)
        .withSettle(Duration.ZERO);
  }

  ReplaySummary replay(ReplaySettings settings) {
    return replayer(settings).run(ReplayListener.NONE);
  }

  Replayer replayer(ReplaySettings settings) {
    return new Replayer(settings, dynamo, settings.synchronous() ? lambdaSync : lambdaAsync, ssm);
  }

  ReplayClients clients(boolean synchronous) {
    // Commands close what they open: hand them clients of their own.
    return new ReplayClients(
        LocalAws.at(ReplayClients.dynamoBuilder(), dynoxide.endpoint()).build(),
        LocalAws.at(ReplayClients.lambdaBuilder(synchronous), lambdaServer.endpoint()).build(),
        LocalAws.at(ReplayClients.ssmBuilder(), ssmServer.endpoint()).build());
  }

  static String requestId() {
    return UUID.randomUUID().toString();
  }

  @Override
  public void close() {
    dynamo.close();
    ssm.close();
    lambdaAsync.close();
    lambdaSync.close();
    ssmServer.close();
    lambdaServer.close();
  }
}
