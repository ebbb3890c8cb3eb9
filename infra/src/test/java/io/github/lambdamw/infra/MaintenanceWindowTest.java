package io.github.lambdamw.infra;

import static io.github.lambdamw.infra.CfnIntrinsics.allow;
import static io.github.lambdamw.infra.CfnIntrinsics.parameterArn;
import static io.github.lambdamw.infra.CfnIntrinsics.ref;
import static io.github.lambdamw.infra.TestApps.logicalId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.LayerVersion;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.ssm.StringParameter;

class MaintenanceWindowTest {

  @TempDir Path dir;

  private MaintenanceWindow window(Stack stack, MaintenanceWindowProps.Builder props) {
    return new MaintenanceWindow(stack, "Window", props.layerZip(TestApps.layerZip(dir)).build());
  }

  @Test
  void createsTheLayerFromTheZipForJava17And21And25() {
    Stack stack = TestApps.stack(dir);
    window(stack, MaintenanceWindowProps.builder());

    Template template = Template.fromStack(stack);
    template.resourceCountIs("AWS::Lambda::LayerVersion", 1);
    template.hasResourceProperties(
        "AWS::Lambda::LayerVersion",
        Map.of(
            "CompatibleRuntimes", List.of("java17", "java21", "java25"),
            "CompatibleArchitectures", List.of("x86_64", "arm64"),
            "LicenseInfo", "Apache-2.0"));
  }

  @Test
  void aReplacedLayerVersionIsKeptSoFunctionsStillOnItKeepWorking() {
    Stack stack = TestApps.stack(dir);
    window(stack, MaintenanceWindowProps.builder());

    Template.fromStack(stack)
        .hasResource(
            "AWS::Lambda::LayerVersion",
            Map.of("UpdateReplacePolicy", "Retain", "DeletionPolicy", "Retain"));
  }

  @Test
  void removalPolicyDestroyDeletesTheLayerWithTheStackButStillKeepsReplacedVersions() {
    Stack stack = TestApps.stack(dir);
    window(stack, MaintenanceWindowProps.builder().removalPolicy(RemovalPolicy.DESTROY));

    Template.fromStack(stack)
        .hasResource(
            "AWS::Lambda::LayerVersion",
            Map.of("UpdateReplacePolicy", "Retain", "DeletionPolicy", "Delete"));
  }

  @Test
  void createsTheTableWithTheContractSchemaOnDemandWithTtlPitrAndAwsManagedEncryption() {
    Stack stack = TestApps.stack(dir);
    window(stack, MaintenanceWindowProps.builder());

    Template template = Template.fromStack(stack);
    template.resourceCountIs("AWS::DynamoDB::Table", 1);
    template.hasResource(
        "AWS::DynamoDB::Table",
        Map.of(
            "DeletionPolicy", "Retain",
            "UpdateReplacePolicy", "Retain",
            "Properties",
                Map.of(
                    "BillingMode", "PAY_PER_REQUEST",
                    "KeySchema",
                        List.of(
                            Map.of("AttributeName", "functionName", "KeyType", "HASH"),
                            Map.of("AttributeName", "requestId", "KeyType", "RANGE")),
                    "AttributeDefinitions",
                        List.of(
                            Map.of("AttributeName", "functionName", "AttributeType", "S"),
                            Map.of("AttributeName", "requestId", "AttributeType", "S"),
                            Map.of("AttributeName", "arrivalKey", "AttributeType", "S")),
                    "GlobalSecondaryIndexes",
                        List.of(
                            Map.of(
                                "IndexName", "byArrival",
                                "KeySchema",
                                    List.of(
                                        Map.of("AttributeName", "functionName", "KeyType", "HASH"),
                                        Map.of("AttributeName", "arrivalKey", "KeyType", "RANGE")),
                                "Projection", Map.of("ProjectionType", "ALL"))),
                    "TimeToLiveSpecification",
                        Map.of("AttributeName", "expiresAt", "Enabled", true),
                    "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                    "SSESpecification", Map.of("SSEEnabled", true))));
    template.hasResourceProperties(
        "AWS::DynamoDB::Table",
        Map.of(
            "SSESpecification",
            Map.of("KMSMasterKeyId", Match.absent(), "SSEType", Match.absent())));
    template.hasResourceProperties("AWS::DynamoDB::Table", Map.of("TableName", Match.absent()));
  }

  @Test
  void theTableIsTheMainChildAndItsNameAndRemovalPolicyAreConfigurable() {
    Stack stack = TestApps.stack(dir);
    MaintenanceWindow window =
        window(
            stack,
            MaintenanceWindowProps.builder()
                .tableName("deferred")
                .removalPolicy(RemovalPolicy.DESTROY));

    assertThat(window.getNode().getDefaultChild()).isSameAs(window.getTable());
    Template template = Template.fromStack(stack);
    template.hasResource(
        "AWS::DynamoDB::Table",
        Map.of("DeletionPolicy", "Delete", "Properties", Map.of("TableName", "deferred")));
  }

  @Test
  void aCustomerKeyEncryptsTheTableAndGuardedFunctionsGetExactlyItsThreeKmsActions() {
    Stack stack = TestApps.stack(dir);
    Key key = Key.Builder.create(stack, "Key").enableKeyRotation(true).build();
    MaintenanceWindow window = window(stack, MaintenanceWindowProps.builder().encryptionKey(key));
    Function fn = TestApps.function(stack, "Fn", Runtime.JAVA_21);
    window.guard(fn);

    Template template = Template.fromStack(stack);
    String keyId = logicalId(stack, key);
    template.hasResourceProperties(
        "AWS::DynamoDB::Table",
        Map.of(
            "SSESpecification",
            Map.of(
                "SSEEnabled",
                true,
                "SSEType",
                "KMS",
                "KMSMasterKeyId",
                Map.of("Fn::GetAtt", List.of(keyId, "Arn")))));
    template.hasResourceProperties(
        "AWS::IAM::Policy",
        Map.of(
            "PolicyDocument",
            Map.of(
                "Statement",
                List.of(
                    allow("ssm:GetParameter", parameterArn("maintenance-window")),
                    allow(
                        "dynamodb:PutItem",
                        Map.of("Fn::GetAtt", List.of(logicalId(stack, window), "Arn"))),
                    Map.of(
                        "Action", List.of("kms:Encrypt", "kms:GenerateDataKey", "kms:Decrypt"),
                        "Effect", "Allow",
                        "Resource", Map.of("Fn::GetAtt", List.of(keyId, "Arn")))))));
  }

  @Test
  void guardAddsTheLayerAndTheAgentEnvironment() {
    Stack stack = TestApps.stack(dir);
    MaintenanceWindow window = window(stack, MaintenanceWindowProps.builder().refreshSeconds(30));
    window.guard(TestApps.function(stack, "Fn", Runtime.JAVA_17));

    Template template = Template.fromStack(stack);
    template.hasResourceProperties(
        "AWS::Lambda::Function",
        Map.of(
            "Layers", List.of(ref(logicalId(stack, window.getLayer()))),
            "Environment",
                Map.of(
                    "Variables",
                    Map.of(
                        "AWS_LAMBDA_EXEC_WRAPPER", "/opt/maintenance-window/wrapper",
                        "MAINTENANCE_WINDOW_PARAMETER", "maintenance-window",
                        "MAINTENANCE_WINDOW_TABLE", ref(logicalId(stack, window)),
                        "MAINTENANCE_WINDOW_REFRESH_SECONDS", "30"))));
  }

  @Test
  void retentionAndReadErrorSettingsReachTheEnvironmentOnlyWhenSet() {
    Stack stack = TestApps.stack(dir);
    MaintenanceWindow window =
        window(stack, MaintenanceWindowProps.builder().retentionDays(14).onReadError("defer"));
    window.guard(TestApps.function(stack, "Fn", Runtime.JAVA_21));

    Template.fromStack(stack)
        .hasResourceProperties(
            "AWS::Lambda::Function",
            Map.of(
                "Environment",
                Map.of(
                    "Variables",
                    Map.of(
                        "MAINTENANCE_WINDOW_RETENTION_DAYS", "14",
                        "MAINTENANCE_WINDOW_ON_READ_ERROR", "defer"))));
  }

  @Test
  void guardGrantsExactlyGetParameterOnTheParameterAndPutItemOnTheTable() {
    Stack stack = TestApps.stack(dir);
    MaintenanceWindow window = window(stack, MaintenanceWindowProps.builder());
    Function fn = TestApps.function(stack, "Fn", Runtime.JAVA_25);
    window.guard(fn);

    Template template = Template.fromStack(stack);
    assertThat(TestApps.statementsOf(template, stack, fn))
        .containsExactly(
            allow("ssm:GetParameter", parameterArn("maintenance-window")),
            allow(
                "dynamodb:PutItem",
                Map.of("Fn::GetAtt", List.of(logicalId(stack, window), "Arn"))));
    assertThat(TestApps.allStatements(template))
        .extracting(statement -> statement.get("Resource"))
        .doesNotContain("*");
  }

  @Test
  void guardingTwiceAddsNothingMore() {
    Stack stack = TestApps.stack(dir);
    MaintenanceWindow window = window(stack, MaintenanceWindowProps.builder());
    Function fn = TestApps.function(stack, "Fn", Runtime.JAVA_21);
    window.guard(fn);
    window.guard(fn);

    Template template = Template.fromStack(stack);
    template.hasResourceProperties(
        "AWS::Lambda::Function",
        Map.of("Layers", List.of(ref(logicalId(stack, window.getLayer())))));
    assertThat(TestApps.statementsOf(template, stack, fn)).hasSize(2);
    assertThat(window.getGuardedFunctions()).containsExactly(fn);
  }

  @Test
  void anExistingParameterAndLayerAreUsedInsteadOfCreatedOnes() {
    Stack stack = TestApps.stack(dir);
    MaintenanceWindow window =
        new MaintenanceWindow(
            stack,
            "Window",
            MaintenanceWindowProps.builder()
                .parameter(
                    StringParameter.fromStringParameterName(stack, "Existing", "/ops/window"))
                .layer(
                    LayerVersion.fromLayerVersionArn(
                        stack, "Layer", "arn:aws:lambda:eu-west-1:123456789012:layer:mw:3"))
                .layerZip("/does/not/exist.zip")
                .build());
    window.guard(TestApps.function(stack, "Fn", Runtime.JAVA_21));

    Template template = Template.fromStack(stack);
    template.resourceCountIs("AWS::SSM::Parameter", 0);
    template.resourceCountIs("AWS::Lambda::LayerVersion", 0);
    template.hasResourceProperties(
        "AWS::Lambda::Function",
        Map.of(
            "Layers", List.of("arn:aws:lambda:eu-west-1:123456789012:layer:mw:3"),
            "Environment",
                Map.of("Variables", Map.of("MAINTENANCE_WINDOW_PARAMETER", "/ops/window"))));
    template.hasResourceProperties(
        "AWS::IAM::Policy",
        Map.of(
            "PolicyDocument",
            Map.of(
                "Statement",
                Match.arrayWith(
                    List.of(
                        allow(
                            "ssm:GetParameter",
                            Map.of(
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
                                        ":parameter/ops/window")))))))));
  }

  @Test
  void guardRejectsAnImportedFunctionWithAClearMessage() {
    Stack stack = TestApps.stack(dir);
    MaintenanceWindow window = window(stack, MaintenanceWindowProps.builder());
    var imported =
        Function.fromFunctionArn(
            stack, "Imported", "arn:aws:lambda:eu-west-1:123456789012:function:legacy");

    assertThatThrownBy(() -> window.guard(imported))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Test/Imported")
        .hasMessageContaining("not a Function defined in this app");
  }

  @Test
  void guardRejectsAJava11FunctionNamingItsRuntime() {
    Stack stack = TestApps.stack(dir);
    MaintenanceWindow window = window(stack, MaintenanceWindowProps.builder());
    Function fn = TestApps.function(stack, "Legacy", Runtime.JAVA_11);

    assertThatThrownBy(() -> window.guard(fn))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Test/Legacy")
        .hasMessageContaining("java11");
    assertThat(window.getGuardedFunctions()).isEmpty();
  }

  @Test
  void aMissingLayerZipFailsNamingThePath() {
    Stack stack = TestApps.stack(dir);

    assertThatThrownBy(
            () ->
                new MaintenanceWindow(
                    stack,
                    "Window",
                    MaintenanceWindowProps.builder().layerZip("/nowhere/layer.zip").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/nowhere/layer.zip");
  }

  @Test
  void anEmptyOrInvalidParameterNameFailsNamingTheValue() {
    Stack stack = TestApps.stack(dir);

    assertThatThrownBy(() -> window(stack, MaintenanceWindowProps.builder().parameterName("")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parameterName is empty ('')");
    assertThatThrownBy(
            () ->
                window(
                    TestApps.stack(dir),
                    MaintenanceWindowProps.builder().parameterName("bad name!")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parameterName 'bad name!'");
  }

  @Test
  void invalidPropsFailTheSynthNamingEachValue() {
    Stack stack = TestApps.stack(dir);
    window(
        stack,
        MaintenanceWindowProps.builder().tableName("x").refreshSeconds(-1).onReadError("panic"));

    assertThatThrownBy(() -> Template.fromStack(stack))
        .hasMessageContaining("tableName 'x'")
        .hasMessageContaining("refreshSeconds -1")
        .hasMessageContaining("onReadError 'panic'");
  }
}
