package io.github.lambdamw.fidelity;

import io.github.lambdamw.harness.Harness;
import io.github.lambdamw.harness.dynamodb.DeferralTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The life of one fidelity or fault suite: fresh logs and results, a harness with the table, the
 * log audit.
 */
public final class Suites {
  private Suites() {}

  /** Clears the suite's logs and results, then starts a harness whose DynamoDB holds the table. */
  public static Harness start(String suite) {
    Fidelity.resetLogs(suite);
    Results.reset(suite);
    Harness harness = Harness.start();
    DeferralTable.create(dynamoDb(harness), Fidelity.TABLE);
    return harness;
  }

  public static StoredItems items(Harness harness) {
    return new StoredItems(dynamoDb(harness), Fidelity.TABLE);
  }

  /** Stops the harness and fails the suite if any of its function logs holds a payload. */
  public static void stop(Harness harness, String suite) {
    if (harness != null) {
      harness.close();
    }
    LogAudit.assertNoPayloadInLogs(suite);
  }

  private static DynamoDbClient dynamoDb(Harness harness) {
    return Fidelity.dynamoDb(harness.dynamoDb().endpoint());
  }
}
