package io.github.lambdamw.infra;

import static io.github.lambdamw.infra.CfnIntrinsics.allow;
import static io.github.lambdamw.infra.CfnIntrinsics.parameterArn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;

/** Many windows, many stacks, one account (issue 11 item 4). */
class MaintenanceWindowStacksTest {

  @TempDir Path dir;

  private App app() {
    return App.Builder.create().outdir(dir.resolve("cdk.out").toString()).build();
  }

  private MaintenanceWindow window(Stack stack, MaintenanceWindowProps.Builder props) {
    return new MaintenanceWindow(stack, "Window", props.layerZip(TestApps.layerZip(dir)).build());
  }

  private static Stack stackIn(App app, String id, String region) {
    return new Stack(
        app,
        id,
        StackProps.builder()
            .env(Environment.builder().account("123456789012").region(region).build())
            .build());
  }

  @Test
  void twoWindowsOfOneAppWithTheSameParameterNameFailTheSynthNamingBoth() {
    App app = app();
    window(new Stack(app, "Orders"), MaintenanceWindowProps.builder());
    window(new Stack(app, "Billing"), MaintenanceWindowProps.builder());

    assertThatThrownBy(app::synth)
        .hasMessageContaining(
            "parameterName 'maintenance-window' is also the parameter of the MaintenanceWindow")
        .hasMessageContaining("Billing/Window")
        .hasMessageContaining("Orders/Window")
        .hasMessageContaining("MaintenanceWindow.fromAttributes");
  }

  @Test
  void theSameParameterNameInTwoRegionsIsTwoParameters() {
    App app = app();
    window(stackIn(app, "Ireland", "eu-west-1"), MaintenanceWindowProps.builder());
    window(stackIn(app, "Virginia", "us-east-1"), MaintenanceWindowProps.builder());

    assertThatCode(app::synth).doesNotThrowAnyException();
  }

  @Test
  void namesSsmRefusesFailBeforeAnythingIsDeployed() {
    Map<String, String> refused =
        Map.of(
            "aws-window",
            "SSM reserves names beginning with aws or ssm",
            "/SSM/window",
            "SSM reserves names beginning with aws or ssm",
            "ops/window",
            "does not start with one",
            "bad name!",
            "letters, digits and _.- only",
            "/ops//window",
            "levels separated by single '/'",
            "/ops/window/",
            "no '/' at the end",
            "/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p",
            "16 levels",
            "w".repeat(2049),
            "2049 characters long");
    refused.forEach(
        (name, why) ->
            assertThatThrownBy(
                    () ->
                        window(
                            TestApps.stack(dir),
                            MaintenanceWindowProps.builder().parameterName(name)))
                .as(name)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(why));
    assertThatCode(
            () ->
                window(
                    TestApps.stack(dir),
                    MaintenanceWindowProps.builder().parameterName("/ops/orders/mw-1.a_b")))
        .doesNotThrowAnyException();
  }

  @Test
  void fromAttributesGuardsAndGrantsWithoutCreatingAnything() {
    Stack stack = TestApps.stack(dir);
    MaintenanceWindow window =
        MaintenanceWindow.fromAttributes(
            stack,
            "Shared",
            MaintenanceWindowAttributes.builder()
                .parameterName("/ops/maintenance-window")
                .tableName("ops-deferred")
                .layerVersionArn("arn:aws:lambda:eu-west-1:123456789012:layer:mw:7")
                .refreshSeconds(30)
                .build());
    Function fn = TestApps.function(stack, "Fn", Runtime.JAVA_21);
    window.guard(fn);

    Template template = Template.fromStack(stack);
    for (String type :
        List.of(
            "AWS::Lambda::LayerVersion",
            "AWS::DynamoDB::Table",
            "AWS::SSM::Parameter",
            "Custom::MaintenanceWindowParameter")) {
      template.resourceCountIs(type, 0);
    }
    template.hasResourceProperties(
        "AWS::Lambda::Function",
        Map.of(
            "Layers", List.of("arn:aws:lambda:eu-west-1:123456789012:layer:mw:7"),
            "Environment",
                Map.of(
                    "Variables",
                    Map.of(
                        "AWS_LAMBDA_EXEC_WRAPPER", "/opt/maintenance-window/wrapper",
                        "MAINTENANCE_WINDOW_PARAMETER", "/ops/maintenance-window",
                        "MAINTENANCE_WINDOW_TABLE", "ops-deferred",
                        "MAINTENANCE_WINDOW_REFRESH_SECONDS", "30"))));
    assertThat(TestApps.statementsOf(template, stack, fn))
        .first()
        .isEqualTo(allow("ssm:GetParameter", parameterArn("/ops/maintenance-window")));
  }

  @Test
  void fromAttributesWithoutTheTableOrLayerSaysWhatIsMissing() {
    Stack stack = TestApps.stack(dir);

    assertThatThrownBy(
            () ->
                MaintenanceWindow.fromAttributes(
                    stack,
                    "Shared",
                    MaintenanceWindowAttributes.builder().parameterName("mw").build()))
        .hasMessageContaining("tableName is not set")
        .hasMessageContaining("layerVersionArn is not set");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aFunctionInAnotherStackGetsTheLayerThroughSsmNotThroughAnExport() {
    App app = app();
    Stack windows = new Stack(app, "Windows");
    MaintenanceWindow window = window(windows, MaintenanceWindowProps.builder());
    Stack orders = new Stack(app, "Orders");
    Function fn = TestApps.function(orders, "Fn", Runtime.JAVA_21);
    window.guard(fn);

    app.synth();
    Template ordersTemplate = Template.fromStack(orders);
    Map<String, Object> properties =
        (Map<String, Object>)
            ordersTemplate
                .findResources("AWS::Lambda::Function")
                .get(TestApps.logicalId(orders, fn))
                .get("Properties");
    Map<String, Object> layerRef =
        (Map<String, Object>) ((List<Object>) properties.get("Layers")).get(0);
    String parameterId = (String) layerRef.get("Ref");
    Map<String, Object> parameter =
        (Map<String, Object>)
            ((Map<String, Object>) ordersTemplate.toJSON().get("Parameters")).get(parameterId);
    assertThat(parameter.get("Type")).isEqualTo("AWS::SSM::Parameter::Value<String>");
    assertThat((String) parameter.get("Default")).startsWith("/lambda-mw/layer-version-arn/");
    Template.fromStack(windows)
        .hasResourceProperties(
            "AWS::SSM::Parameter", Map.of("Name", parameter.get("Default"), "Type", "String"));
    assertThat(ordersTemplate.toJSON().toString()).doesNotContain("WindowLayer");
    assertThat(orders.getDependencies()).contains(windows);
  }

  @Test
  void aReplayInAnotherStackThanItsWindowAndFunctionSynthesizes() {
    App app = app();
    Stack windows = new Stack(app, "Windows");
    MaintenanceWindow window = window(windows, MaintenanceWindowProps.builder());
    Function fn = TestApps.function(windows, "Fn", Runtime.JAVA_21);
    window.guard(fn);
    Stack operations = new Stack(app, "Operations");
    new MaintenanceWindowReplay(
        operations,
        "Replay",
        MaintenanceWindowReplayProps.builder()
            .window(window)
            .function(fn)
            .functionJar(TestApps.replayJar(dir))
            .schedule("rate(1 hour)")
            .build());

    assertThatCode(app::synth).doesNotThrowAnyException();
  }

  @Test
  void aReplayBesideItsWindowOfAFunctionInAnotherStackSaysWhereToPutItInsteadOfADependencyCycle() {
    App app = app();
    Stack operations = new Stack(app, "Operations");
    MaintenanceWindow window = window(operations, MaintenanceWindowProps.builder());
    Stack orders = new Stack(app, "Orders");
    Function fn = TestApps.function(orders, "Fn", Runtime.JAVA_21);
    window.guard(fn);

    assertThatThrownBy(
            () ->
                new MaintenanceWindowReplay(
                    operations,
                    "Replay",
                    MaintenanceWindowReplayProps.builder()
                        .window(window)
                        .function(fn)
                        .functionJar(TestApps.replayJar(dir))
                        .build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Create the replay in the function's stack")
        .hasMessageContaining("Function.fromFunctionName");
  }

  @Test
  void aReplayBesideItsWindowOfAFunctionOfAnotherStackReferredToByNameSynthesizes() {
    App app = app();
    Stack operations = new Stack(app, "Operations");
    MaintenanceWindow window = window(operations, MaintenanceWindowProps.builder());
    Stack orders = new Stack(app, "Orders");
    window.guard(
        Function.Builder.create(orders, "Fn")
            .functionName("orders")
            .runtime(Runtime.JAVA_21)
            .handler("example.Handler::handleRequest")
            .code(software.amazon.awscdk.services.lambda.Code.fromAsset(TestApps.sampleJar(dir)))
            .build());
    new MaintenanceWindowReplay(
        operations,
        "Replay",
        MaintenanceWindowReplayProps.builder()
            .window(window)
            .function(Function.fromFunctionName(operations, "Orders", "orders"))
            .functionJar(TestApps.replayJar(dir))
            .build());

    assertThatCode(app::synth).doesNotThrowAnyException();
  }

  @Test
  void aReplayInTheFunctionsStackOfAWindowInAnotherStackSynthesizes() {
    App app = app();
    Stack operations = new Stack(app, "Operations");
    MaintenanceWindow window = window(operations, MaintenanceWindowProps.builder());
    Stack orders = new Stack(app, "Orders");
    Function fn = TestApps.function(orders, "Fn", Runtime.JAVA_21);
    window.guard(fn);
    new MaintenanceWindowReplay(
        orders,
        "Replay",
        MaintenanceWindowReplayProps.builder()
            .window(window)
            .function(fn)
            .functionJar(TestApps.replayJar(dir))
            .schedule("rate(1 hour)")
            .build());

    assertThatCode(app::synth).doesNotThrowAnyException();
  }

  @Test
  void aFunctionInAnotherStackGuardedByTheAspectOfTheWholeAppSynthesizes() {
    App app = app();
    Stack windows = new Stack(app, "Windows");
    MaintenanceWindow window = window(windows, MaintenanceWindowProps.builder());
    Stack orders = new Stack(app, "Orders");
    TestApps.function(orders, "Fn", Runtime.JAVA_21);
    software.amazon.awscdk.Aspects.of(app).add(new MaintenanceWindowAspect(window));

    assertThatCode(app::synth).doesNotThrowAnyException();
    assertThat(window.getGuardedFunctions()).hasSize(1);
  }
}
