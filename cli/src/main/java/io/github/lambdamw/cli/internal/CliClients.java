package io.github.lambdamw.cli.internal;

import io.github.lambdamw.replay.AwsOptions;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Builds the SDK clients of the window commands and of {@code --stack}; tests point them at local
 * stand-ins.
 */
public interface CliClients {
  /**
   * Clients from the SDK's environment, with {@code --region} and {@code --endpoint-url} where
   * given.
   */
  CliClients AWS =
      new CliClients() {
        @Override
        public SsmClient ssm(AwsOptions aws) {
          return aws.configure(
                  SsmClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()))
              .build();
        }

        @Override
        public CloudFormationClient cloudFormation(AwsOptions aws) {
          return aws.configure(
                  CloudFormationClient.builder()
                      .httpClientBuilder(UrlConnectionHttpClient.builder()))
              .build();
        }
      };

  SsmClient ssm(AwsOptions aws);

  CloudFormationClient cloudFormation(AwsOptions aws);
}
