package io.github.lambdamw.infra.internal;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.customresources.AwsCustomResource;
import software.amazon.awscdk.customresources.AwsCustomResourcePolicy;
import software.amazon.awscdk.customresources.AwsSdkCall;
import software.amazon.awscdk.customresources.PhysicalResourceId;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;

/**
 * Turns on Parameter Store's higher throughput, an account-wide, per-region service setting:
 * {@value #SETTING_ID}.
 *
 * <p>Why: by default Parameter Store serves 40 {@code GetParameter} calls per second per account
 * and region, shared with everything else that reads parameters there; a fleet of guarded functions
 * starting together (a backlog drained at the end of a window) can exceed it, and each environment
 * reads the window at INIT and every refresh. Higher throughput raises the quota to thousands per
 * second and is charged per API interaction (AWS Systems Manager pricing), for every parameter read
 * in the account and region, not only ours. So it is opt-in, and a stack deletion leaves it on:
 * other applications may rely on it by then ({@code aws ssm reset-service-setting --setting-id
 * /ssm/parameter-store/high-throughput-enabled} turns it off).
 */
public final class HighThroughputSetting {

  /** The service setting's id. */
  public static final String SETTING_ID = "/ssm/parameter-store/high-throughput-enabled";

  private HighThroughputSetting() {}

  /** Sets {@value #SETTING_ID} to {@code true} on create and update; nothing on delete. */
  public static AwsCustomResource enable(Construct scope, String id) {
    Stack stack = Stack.of(scope);
    String settingArn =
        "arn:"
            + stack.getPartition()
            + ":ssm:"
            + stack.getRegion()
            + ":"
            + stack.getAccount()
            + ":servicesetting"
            + SETTING_ID;
    AwsSdkCall enable =
        AwsSdkCall.builder()
            .service("SSM")
            .action("updateServiceSetting")
            .parameters(Map.of("SettingId", SETTING_ID, "SettingValue", "true"))
            .physicalResourceId(PhysicalResourceId.of(SETTING_ID))
            .build();
    return AwsCustomResource.Builder.create(scope, id)
        .resourceType("Custom::ParameterStoreHighThroughput")
        .installLatestAwsSdk(false)
        .onCreate(enable)
        .onUpdate(enable)
        .policy(
            AwsCustomResourcePolicy.fromStatements(
                List.of(
                    PolicyStatement.Builder.create()
                        .actions(List.of("ssm:UpdateServiceSetting"))
                        .resources(List.of(settingArn))
                        .build())))
        .build();
  }
}
