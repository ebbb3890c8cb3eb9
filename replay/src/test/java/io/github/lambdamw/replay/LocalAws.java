package io.github.lambdamw.replay;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

/** Points real SDK clients, built as the replay builds them, at local stand-ins. */
final class LocalAws {
  private LocalAws() {}

  static <B extends AwsClientBuilder<B, ?>> B at(B builder, URI endpoint) {
    return builder
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
  }

  /**
   * The environment a child JVM needs to reach the same stand-ins through the SDK's standard
   * variables.
   */
  static java.util.Map<String, String> environment(URI dynamo, URI lambda, URI ssm) {
    return java.util.Map.of(
        "AWS_REGION",
        "us-east-1",
        "AWS_ACCESS_KEY_ID",
        "test",
        "AWS_SECRET_ACCESS_KEY",
        "test",
        "AWS_ENDPOINT_URL_DYNAMODB",
        dynamo.toString(),
        "AWS_ENDPOINT_URL_LAMBDA",
        lambda.toString(),
        "AWS_ENDPOINT_URL_SSM",
        ssm.toString());
  }
}
