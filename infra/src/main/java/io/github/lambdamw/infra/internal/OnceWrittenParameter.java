package io.github.lambdamw.infra.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.customresources.AwsCustomResource;
import software.amazon.awscdk.customresources.AwsCustomResourcePolicy;
import software.amazon.awscdk.customresources.AwsSdkCall;
import software.amazon.awscdk.customresources.PhysicalResourceId;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.ssm.IStringParameter;
import software.amazon.awscdk.services.ssm.StringParameter;
import software.amazon.awscdk.services.ssm.StringParameterAttributes;
import software.constructs.Construct;

/**
 * The window parameter, created by aws-cdk-lib's {@link AwsCustomResource} with {@code PutParameter
 * Overwrite=false} instead of an {@code AWS::SSM::Parameter} resource.
 *
 * <p>Why not {@code AWS::SSM::Parameter}: CloudFormation writes that resource's {@code Value} with
 * overwrite on every update of the resource (a tag, a description), which would close a window an
 * operator opened, in the middle of the maintenance. Here the value is only ever written by a
 * {@code PutParameter} that SSM refuses when the parameter exists ({@code ParameterAlreadyExists},
 * ignored): on create, and again on update so that a renamed or deleted parameter comes back
 * closed; an existing value is never touched. On delete the parameter is left alone unless the
 * removal policy is {@link RemovalPolicy#DESTROY}.
 *
 * <p>aws-cdk-lib runs all {@link AwsCustomResource}s of a stack through one provider function,
 * whose role and log group the first of them sets. When ours is the first, the provider gets an
 * {@link OwnLogsRole} and a log group of its own (not {@code AWSLambdaBasicExecutionRole}); when
 * the stack already has a provider, ours uses it and only adds its {@code ssm:PutParameter} policy.
 */
public final class OnceWrittenParameter {

  /**
   * What SSM answers to {@code PutParameter Overwrite=false} on an existing name: the value stays
   * as it is.
   */
  public static final String ALREADY_EXISTS = "ParameterAlreadyExists";

  private final AwsCustomResource writer;
  private final IStringParameter parameter;

  /**
   * Creates the parameter {@code name} with {@code initialValue} (type String, standard tier).
   *
   * @param removal {@link RemovalPolicy#DESTROY} deletes the parameter with the stack; any other
   *     policy keeps it
   */
  public OnceWrittenParameter(
      Construct scope,
      String id,
      String name,
      String initialValue,
      String description,
      RemovalPolicy removal) {
    this.parameter = imported(scope, id, name);
    AwsSdkCall createIfMissing =
        AwsSdkCall.builder()
            .service("SSM")
            .action("putParameter")
            .parameters(
                Map.of(
                    "Name",
                    name,
                    "Value",
                    initialValue,
                    "Type",
                    "String",
                    "Tier",
                    "Standard",
                    "Overwrite",
                    false,
                    "Description",
                    description))
            .ignoreErrorCodesMatching(ALREADY_EXISTS)
            .physicalResourceId(PhysicalResourceId.of(name))
            .build();
    List<String> actions = new ArrayList<>(List.of("ssm:PutParameter"));
    AwsCustomResource.Builder writer =
        AwsCustomResource.Builder.create(scope, id + "Writer")
            .resourceType("Custom::MaintenanceWindowParameter")
            .installLatestAwsSdk(false)
            .onCreate(createIfMissing)
            .onUpdate(createIfMissing);
    if (providerFunction(Stack.of(scope)) == null) {
      // The first custom resource of a stack decides its provider's role: ours may write its own
      // logs only.
      LogGroup logs =
          LogGroup.Builder.create(scope, id + "WriterLogs")
              .retention(RetentionDays.ONE_MONTH)
              .removalPolicy(RemovalPolicy.DESTROY)
              .build();
      writer
          .logGroup(logs)
          .role(
              OwnLogsRole.create(
                  scope,
                  id + "WriterRole",
                  logs,
                  "aws-cdk-lib's AwsCustomResource provider: writes the maintenance-window parameter on deploys"));
    }
    if (removal == RemovalPolicy.DESTROY) {
      actions.add("ssm:DeleteParameter");
      writer.onDelete(
          AwsSdkCall.builder()
              .service("SSM")
              .action("deleteParameter")
              .parameters(Map.of("Name", name))
              .ignoreErrorCodesMatching("ParameterNotFound")
              .build());
    }
    this.writer =
        writer
            .policy(
                AwsCustomResourcePolicy.fromStatements(
                    List.of(
                        PolicyStatement.Builder.create()
                            .actions(actions)
                            .resources(List.of(parameter.getParameterArn()))
                            .build())))
            .build();
  }

  /**
   * A parameter of this name, referred to (not created): its ARN carries the name as SSM spells it.
   */
  public static IStringParameter imported(Construct scope, String id, String name) {
    return StringParameter.fromStringParameterAttributes(
        scope,
        id,
        StringParameterAttributes.builder()
            .parameterName(name)
            .simpleName(!name.startsWith("/"))
            .build());
  }

  /** The parameter, as guarded functions and grants refer to it. */
  public IStringParameter parameter() {
    return parameter;
  }

  /** The custom resource writing it: what a guarded function must be created after. */
  public AwsCustomResource writer() {
    return writer;
  }

  /**
   * The construct id aws-cdk-lib gives the one provider function of all {@link AwsCustomResource}s
   * in a stack.
   */
  public static String providerFunctionId() {
    return "AWS" + AwsCustomResource.PROVIDER_FUNCTION_UUID.replace("-", "");
  }

  /**
   * The provider function of {@code stack}'s custom resources, or {@code null} when it has none.
   */
  public static Construct providerFunction(Stack stack) {
    return (Construct) stack.getNode().tryFindChild(providerFunctionId());
  }
}
