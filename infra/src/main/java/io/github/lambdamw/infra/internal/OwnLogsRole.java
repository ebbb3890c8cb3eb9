package io.github.lambdamw.infra.internal;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.constructs.Construct;

/**
 * An execution role for a Lambda function of ours that may write to its own log group and nowhere
 * else.
 *
 * <p>Why not {@code AWSLambdaBasicExecutionRole}, CDK's default: that managed policy allows {@code
 * logs:CreateLogGroup}, {@code logs:CreateLogStream} and {@code logs:PutLogEvents} on {@code *},
 * every log group of the account. Our functions are given their log group, so they need neither
 * {@code CreateLogGroup} nor any other group.
 */
public final class OwnLogsRole {

  /** The name of the role's inline policy. */
  public static final String POLICY_NAME = "OwnLogs";

  /** What the function gets on its log group. */
  public static final List<String> LOG_ACTIONS =
      List.of("logs:CreateLogStream", "logs:PutLogEvents");

  private OwnLogsRole() {}

  /**
   * A role Lambda can assume, with {@link #LOG_ACTIONS} on {@code logs} (inline policy {@value
   * #POLICY_NAME}).
   */
  public static Role create(Construct scope, String id, ILogGroup logs, String description) {
    // inline in the role itself: the rights exist as soon as the role does, before any policy
    // resource
    PolicyStatement ownLogs =
        PolicyStatement.Builder.create()
            .actions(LOG_ACTIONS)
            .resources(List.of(logs.getLogGroupArn()))
            .build();
    return Role.Builder.create(scope, id)
        .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
        .description(description)
        .inlinePolicies(
            Map.of(
                POLICY_NAME, PolicyDocument.Builder.create().statements(List.of(ownLogs)).build()))
        .build();
  }
}
