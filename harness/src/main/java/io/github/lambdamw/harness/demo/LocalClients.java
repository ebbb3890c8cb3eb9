package io.github.lambdamw.harness.demo;

import io.github.lambdamw.harness.Harness;
import io.github.lambdamw.harness.runtimeapi.LocalLambda;
import io.github.lambdamw.replay.ReplayClients;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

/**
 * The operator's SDK clients, built as the replay builds them, pointed at the harness with fake
 * credentials: a developer's own AWS profile is never used, and nothing reaches AWS.
 */
final class LocalClients {

  private LocalClients() {}

  static ReplayClients of(Harness harness, LocalLambda lambda) {
    return new ReplayClients(
        local(ReplayClients.dynamoBuilder(), harness.dynamoDb().endpoint()).build(),
        local(ReplayClients.lambdaBuilder(true), lambda.endpoint()).build(),
        local(ReplayClients.ssmBuilder(), harness.ssm().endpoint()).build());
  }

  private static <B extends AwsClientBuilder<B, ?>> B local(B builder, URI endpoint) {
    return builder
        .endpointOverride(endpoint)
        .region(Region.of(Harness.REGION))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
  }
}
