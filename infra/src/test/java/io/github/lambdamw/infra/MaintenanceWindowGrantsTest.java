package io.github.lambdamw.infra;

import static io.github.lambdamw.infra.CfnIntrinsics.allow;
import static io.github.lambdamw.infra.CfnIntrinsics.arnOf;
import static io.github.lambdamw.infra.CfnIntrinsics.parameterArn;
import static io.github.lambdamw.infra.TestApps.logicalId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.iam.FromRoleArnOptions;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;

/** Grants that cannot be added are loud; grant* methods return a Grant (issue 11 item 3). */
class MaintenanceWindowGrantsTest {

  private static final String ROLE_ARN = "arn:aws:iam::123456789012:role/platform-managed";

  @TempDir Path dir;

  private MaintenanceWindow window(Stack stack, MaintenanceWindowProps.Builder props) {
    return new MaintenanceWindow(stack, "Window", props.layerZip(TestApps.layerZip(dir)).build());
  }

  private Function functionWithRole(Stack stack, IRole role) {
    return Function.Builder.create(stack, "Fn")
        .runtime(Runtime.JAVA_21)
        .handler("example.Handler::handleRequest")
        .code(Code.fromAsset(TestApps.sampleJar(dir)))
        .role(role)
        .build();
  }

  private static IRole immutableRole(Stack stack) {
    return Role.fromRoleArn(
        stack, "Role", ROLE_ARN, FromRoleArnOptions.builder().mutable(false).build());
  }

  @Test
  void guardWarnsNamingEveryStatementWhenTheRoleIsImmutable() {
    Stack stack = TestApps.stack(dir);
    MaintenanceWindow window = window(stack, MaintenanceWindowProps.builder());
    window.guard(functionWithRole(stack, immutableRole(stack)));

    Annotations.fromStack(stack)
        .hasWarning(
            "/Test/Fn",
            Match.stringLikeRegexp(
                ".*Test/Fn.*NOT added.*\\{\"Action\":\"ssm:GetParameter\",\"Effect\":\"Allow\",\"Resource\":.*"
                    + ":parameter/maintenance-window.*\\{\"Action\":\"dynamodb:PutItem\",\"Effect\":\"Allow\","
                    + "\"Resource\":\\{\"Fn::GetAtt\":\\[\"Window.*\",\"Arn\"\\]\\}\\}.*"));
  }

  @Test
  void requireGrantsTurnsTheWarningIntoAnErrorThatFailsTheSynth() {
    Stack stack = TestApps.stack(dir);
    MaintenanceWindow window = window(stack, MaintenanceWindowProps.builder().requireGrants(true));
    window.guard(functionWithRole(stack, immutableRole(stack)));

    assertThatThrownBy(() -> Template.fromStack(stack))
        .hasMessageMatching(
            "(?s).*Test/Fn.*ssm:GetParameter.*dynamodb:PutItem.*requireGrants is set.*");
  }

  @Test
  void aRoleOfThisAppTakesTheStatementsWithoutAWord() {
    Stack stack = TestApps.stack(dir);
    MaintenanceWindow window = window(stack, MaintenanceWindowProps.builder().requireGrants(true));
    window.guard(TestApps.function(stack, "Fn", Runtime.JAVA_21));

    Annotations annotations = Annotations.fromStack(stack);
    annotations.hasNoWarning("*", Match.anyValue());
    annotations.hasNoError("*", Match.anyValue());
  }

  @Test
  void grantGuardReturnsASuccessfulGrantOfTheAgentsTwoStatements() {
    Stack stack = TestApps.stack(dir);
    MaintenanceWindow window = window(stack, MaintenanceWindowProps.builder());
    Role role =
        Role.Builder.create(stack, "Operator")
            .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
            .build();

    Grant grant = window.grantGuard(role);

    assertThat(grant.getSuccess()).isTrue();
    assertThat(statementsOfRole(stack, role))
        .containsExactly(
            allow("ssm:GetParameter", parameterArn("maintenance-window")),
            allow("dynamodb:PutItem", arnOf(logicalId(stack, window))));
  }

  @Test
  void grantOperateGivesReadAndWriteOnTheParameterOnly() {
    Stack stack = TestApps.stack(dir);
    MaintenanceWindow window = window(stack, MaintenanceWindowProps.builder());
    Role role =
        Role.Builder.create(stack, "Operator")
            .assumedBy(new ServicePrincipal("ssm.amazonaws.com"))
            .build();

    assertThat(window.grantOperate(role).getSuccess()).isTrue();
    assertThat(statementsOfRole(stack, role))
        .containsExactly(
            Map.of(
                "Action", List.of("ssm:GetParameter", "ssm:PutParameter"),
                "Effect", "Allow",
                "Resource", parameterArn("maintenance-window")));
  }

  @Test
  void grantReplayGivesTheReplaysTableIndexAndParameterRights() {
    Stack stack = TestApps.stack(dir);
    MaintenanceWindow window = window(stack, MaintenanceWindowProps.builder());
    Role role =
        Role.Builder.create(stack, "Operator")
            .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
            .build();

    assertThat(window.grantReplay(role).getSuccess()).isTrue();
    String tableId = logicalId(stack, window);
    assertThat(statementsOfRole(stack, role))
        .containsExactly(
            allow(
                "dynamodb:Query",
                Map.of("Fn::Join", List.of("", List.of(arnOf(tableId), "/index/byArrival")))),
            Map.of(
                "Action", List.of("dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"),
                "Effect", "Allow",
                "Resource", arnOf(tableId)),
            allow("ssm:GetParameter", parameterArn("maintenance-window")));
  }

  @Test
  void grantOperateOnAnImmutableRoleFailsTheSynthWhenGrantsAreRequired() {
    Stack stack = TestApps.stack(dir);
    MaintenanceWindow window = window(stack, MaintenanceWindowProps.builder().requireGrants(true));
    window.grantOperate(immutableRole(stack));

    assertThatThrownBy(() -> Template.fromStack(stack))
        .hasMessageContaining("ssm:PutParameter")
        .hasMessageContaining("NOT added");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> statementsOfRole(Stack stack, Role role) {
    Template template = Template.fromStack(stack);
    String roleId = logicalId(stack, role);
    for (Object resource : template.findResources("AWS::IAM::Policy").values()) {
      Map<String, Object> properties =
          (Map<String, Object>) ((Map<String, Object>) resource).get("Properties");
      if (((List<Object>) properties.get("Roles")).contains(Map.of("Ref", roleId))) {
        return (List<Map<String, Object>>)
            ((Map<String, Object>) properties.get("PolicyDocument")).get("Statement");
      }
    }
    return List.of();
  }
}
