package io.github.lambdamw.infra;

import java.util.List;
import java.util.Map;

/** The CloudFormation values the template tests expect, written as `cdk synth` writes them. */
final class CfnIntrinsics {
  private CfnIntrinsics() {}

  static Map<String, Object> ref(String logicalId) {
    return Map.of("Ref", logicalId);
  }

  static Map<String, Object> arnOf(String logicalId) {
    return Map.of("Fn::GetAtt", List.of(logicalId, "Arn"));
  }

  /**
   * The ARN of a parameter in the stack's region: {@code
   * arn:<partition>:ssm:<region>:<account>:parameter/<name>}.
   */
  static Map<String, Object> parameterArn(String parameterName) {
    return Map.of(
        "Fn::Join",
        List.of(
            "",
            List.of(
                "arn:",
                ref("AWS::Partition"),
                ":ssm:",
                ref("AWS::Region"),
                ":",
                ref("AWS::AccountId"),
                ":parameter/"
                    + (parameterName.startsWith("/")
                        ? parameterName.substring(1)
                        : parameterName))));
  }

  static Map<String, Object> allow(String action, Object resource) {
    return Map.of("Action", action, "Effect", "Allow", "Resource", resource);
  }
}
