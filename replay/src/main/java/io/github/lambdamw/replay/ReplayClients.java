package io.github.lambdamw.replay;

import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.SsmClientBuilder;

/**
 * The three SDK clients a replay uses, configured from the SDK's standard environment ({@code
 * AWS_REGION}, {@code AWS_ENDPOINT_URL_DYNAMODB}/{@code _LAMBDA}/{@code _SSM}, the credentials
 * chain). The Lambda client never retries on its own: a retried Invoke whose first answer was lost
 * would be a second invocation.
 */
public final class ReplayClients implements AutoCloseable {
  /** A synchronous invocation may run for up to 15 minutes. */
  private static final Duration SYNC_READ_TIMEOUT = Duration.ofMinutes(16);

  private static final Duration ASYNC_READ_TIMEOUT = Duration.ofSeconds(30);

  private final DynamoDbClient dynamo;
  private final LambdaClient lambda;
  private final SsmClient ssm;

  public ReplayClients(DynamoDbClient dynamo, LambdaClient lambda, SsmClient ssm) {
    this.dynamo = dynamo;
    this.lambda = lambda;
    this.ssm = ssm;
  }

  /** Clients from the environment; {@code region} null uses the SDK's region chain. */
  public static ReplayClients fromEnvironment(String region, boolean synchronous) {
    return from(new AwsOptions(region, null), synchronous);
  }

  /** Clients from the environment, with the region and endpoint of {@code aws} where given. */
  public static ReplayClients from(AwsOptions aws, boolean synchronous) {
    // A missing region fails the first build, before any client exists.
    return new ReplayClients(
        aws.configure(dynamoBuilder()).build(),
        aws.configure(lambdaBuilder(synchronous)).build(),
        aws.configure(ssmBuilder()).build());
  }

  public static DynamoDbClientBuilder dynamoBuilder() {
    return DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create());
  }

  /**
   * The Invoke client: no SDK retries (see the class comment), a read timeout that outlasts the
   * function.
   */
  public static LambdaClientBuilder lambdaBuilder(boolean synchronous) {
    return LambdaClient.builder()
        .httpClient(
            UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(synchronous ? SYNC_READ_TIMEOUT : ASYNC_READ_TIMEOUT)
                .build())
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
  }

  public static SsmClientBuilder ssmBuilder() {
    return SsmClient.builder().httpClient(UrlConnectionHttpClient.create());
  }

  public DynamoDbClient dynamo() {
    return dynamo;
  }

  public LambdaClient lambda() {
    return lambda;
  }

  public SsmClient ssm() {
    return ssm;
  }

  @Override
  public void close() {
    dynamo.close();
    lambda.close();
    ssm.close();
  }
}
