package io.github.lambdamw.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AspectOptions;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.AdotInstrumentationConfig;
import software.amazon.awscdk.services.lambda.AdotLambdaExecWrapper;
import software.amazon.awscdk.services.lambda.AdotLambdaLayerJavaSdkVersion;
import software.amazon.awscdk.services.lambda.AdotLayerVersion;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;

/** Other exec wrappers are chained, never silently replaced (issue 11 item 2, construct side). */
class ExecWrapperChainTest {

  private static final String OURS = "/opt/maintenance-window/wrapper";
  private static final String OTEL = "/opt/otel-handler";

  @TempDir Path dir;

  private MaintenanceWindow window(Stack stack) {
    return new MaintenanceWindow(
        stack, "Window", MaintenanceWindowProps.builder().layerZip(TestApps.layerZip(dir)).build());
  }

  private Function adotFunction(Stack stack) {
    return Function.Builder.create(stack, "Fn")
        .runtime(Runtime.JAVA_21)
        .handler("example.Handler::handleRequest")
        .code(Code.fromAsset(TestApps.sampleJar(dir)))
        .adotInstrumentation(
            AdotInstrumentationConfig.builder()
                .layerVersion(
                    AdotLayerVersion.fromJavaSdkLayerVersion(AdotLambdaLayerJavaSdkVersion.LATEST))
                .execWrapper(AdotLambdaExecWrapper.REGULAR_HANDLER)
                .build())
        .build();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> properties(Stack stack, Function fn) {
    Map<String, Object> resource =
        Template.fromStack(stack)
            .findResources("AWS::Lambda::Function")
            .get(TestApps.logicalId(stack, fn));
    return (Map<String, Object>) resource.get("Properties");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> variables(Stack stack, Function fn) {
    return (Map<String, Object>)
        ((Map<String, Object>) properties(stack, fn).get("Environment")).get("Variables");
  }

  @Test
  void guardAfterAdotMovesItsWrapperToTheNextWrapperAndKeepsBothLayers() {
    Stack stack = TestApps.stack(dir);
    MaintenanceWindow window = window(stack);
    Function fn = adotFunction(stack);
    window.guard(fn);

    assertThat(variables(stack, fn))
        .containsEntry("AWS_LAMBDA_EXEC_WRAPPER", OURS)
        .containsEntry("MAINTENANCE_WINDOW_NEXT_WRAPPER", OTEL);
    assertThat((List<?>) properties(stack, fn).get("Layers")).hasSize(2);
  }

  @Test
  void theAspectAddedBeforeAnAdotFunctionExistsChainsItsWrapper() {
    Stack stack = TestApps.stack(dir);
    Aspects.of(stack).add(new MaintenanceWindowAspect(window(stack)));
    Function fn = adotFunction(stack);

    assertThat(variables(stack, fn))
        .containsEntry("AWS_LAMBDA_EXEC_WRAPPER", OURS)
        .containsEntry("MAINTENANCE_WINDOW_NEXT_WRAPPER", OTEL);
  }

  @Test
  void theAspectChainsWithAspectStabilizationOnAsTheRecommendedFlagsSetIt() {
    App app =
        App.Builder.create()
            .outdir(dir.resolve("cdk.out").toString())
            .context(Map.of("@aws-cdk/core:aspectStabilization", true))
            .build();
    Stack stack = new Stack(app, "Test");
    Aspects.of(stack).add(new MaintenanceWindowAspect(window(stack)));
    Function fn = adotFunction(stack);

    assertThat(variables(stack, fn))
        .containsEntry("AWS_LAMBDA_EXEC_WRAPPER", OURS)
        .containsEntry("MAINTENANCE_WINDOW_NEXT_WRAPPER", OTEL);
  }

  @Test
  void aWrapperSetAfterGuardIsChainedAtSynth() {
    Stack stack = TestApps.stack(dir);
    MaintenanceWindow window = window(stack);
    Function fn = TestApps.function(stack, "Fn", Runtime.JAVA_21);
    window.guard(fn);
    fn.addEnvironment("AWS_LAMBDA_EXEC_WRAPPER", OTEL); // what adotInstrumentation writes

    assertThat(variables(stack, fn))
        .containsEntry("AWS_LAMBDA_EXEC_WRAPPER", OURS)
        .containsEntry("MAINTENANCE_WINDOW_NEXT_WRAPPER", OTEL);
  }

  @Test
  void aWrapperSetByAnAspectAfterTheChainingFailsTheSynthSayingWhatToSet() {
    Stack stack = TestApps.stack(dir);
    MaintenanceWindow window = window(stack);
    Function fn = TestApps.function(stack, "Fn", Runtime.JAVA_21);
    window.guard(fn);
    Aspects.of(stack)
        .add(
            node -> {
              if (node == fn) {
                fn.addEnvironment("AWS_LAMBDA_EXEC_WRAPPER", "/opt/datadog_wrapper");
              }
            },
            AspectOptions.builder().priority(1000).build());

    assertThatThrownBy(() -> Template.fromStack(stack))
        .hasMessageContaining("Test/Fn: AWS_LAMBDA_EXEC_WRAPPER is '/opt/datadog_wrapper'")
        .hasMessageContaining("UNGUARDED")
        .hasMessageContaining(
            "Set MAINTENANCE_WINDOW_NEXT_WRAPPER='/opt/datadog_wrapper' and AWS_LAMBDA_EXEC_WRAPPER='"
                + OURS
                + "'");
  }

  @Test
  void twoOtherWrappersCannotBeChainedAndGuardSaysSo() {
    Stack stack = TestApps.stack(dir);
    MaintenanceWindow window = window(stack);
    Function fn = TestApps.function(stack, "Fn", Runtime.JAVA_21);
    fn.addEnvironment("AWS_LAMBDA_EXEC_WRAPPER", OTEL);
    fn.addEnvironment("MAINTENANCE_WINDOW_NEXT_WRAPPER", "/opt/datadog_wrapper");

    assertThatThrownBy(() -> window.guard(fn))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two exec wrappers")
        .hasMessageContaining(OTEL)
        .hasMessageContaining("/opt/datadog_wrapper");
    assertThat(window.getGuardedFunctions()).isEmpty();
    assertThat(properties(stack, fn)).doesNotContainKey("Layers");
  }

  @Test
  void aFunctionWithoutAnotherWrapperGetsNoNextWrapper() {
    Stack stack = TestApps.stack(dir);
    MaintenanceWindow window = window(stack);
    Function fn = TestApps.function(stack, "Fn", Runtime.JAVA_21);
    window.guard(fn);

    assertThat(variables(stack, fn))
        .containsEntry("AWS_LAMBDA_EXEC_WRAPPER", OURS)
        .doesNotContainKey("MAINTENANCE_WINDOW_NEXT_WRAPPER");
  }
}
