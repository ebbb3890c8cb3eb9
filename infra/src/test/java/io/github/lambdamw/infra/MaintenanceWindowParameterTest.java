package io.github.lambdamw.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;

/**
 * The window value is written once, when the parameter is created, and never by a later deploy
 * (issue 11 item 1).
 */
class MaintenanceWindowParameterTest {

  private static final String MARKER = "2031-01-01T00:00:00Z";
  private static final String INITIAL = "{\"windows\":[{\"start\":\"" + MARKER + "\"}]}";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Stack stack(String outdir, boolean tagged, MaintenanceWindowProps.Builder props) {
    App app = App.Builder.create().outdir(dir.resolve(outdir).toString()).build();
    Stack stack = new Stack(app, "Test");
    MaintenanceWindow window =
        new MaintenanceWindow(stack, "Window", props.layerZip(TestApps.layerZip(dir)).build());
    window.guard(TestApps.function(stack, "Fn", Runtime.JAVA_21));
    if (tagged) {
      Tags.of(app).add("team", "payments");
    }
    return stack;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> resources(Stack stack) {
    return (Map<String, Map<String, Object>>) Template.fromStack(stack).toJSON().get("Resources");
  }

  private static List<JsonNode> customResources(Stack stack) throws Exception {
    List<JsonNode> found = new ArrayList<>();
    for (Map<String, Object> resource : resources(stack).values()) {
      if ("Custom::MaintenanceWindowParameter".equals(resource.get("Type"))) {
        found.add(JSON.valueToTree(resource));
      }
    }
    return found;
  }

  private static JsonNode call(JsonNode resource, String event) throws Exception {
    JsonNode text = resource.path("Properties").path(event);
    return text.isMissingNode() ? null : JSON.readTree(text.asText());
  }

  @Test
  void aTagAddedToTheWholeAppChangesNoResourceThatCarriesTheWindowValue() {
    MaintenanceWindowProps.Builder props =
        MaintenanceWindowProps.builder().initialWindowValue(INITIAL);
    Map<String, Map<String, Object>> before = resources(stack("before", false, props));
    Map<String, Map<String, Object>> after = resources(stack("after", true, props));

    assertThat(after.keySet()).isEqualTo(before.keySet());
    List<String> changed = new ArrayList<>();
    for (String id : before.keySet()) {
      if (!before.get(id).equals(after.get(id))) {
        changed.add(id);
        assertThat(after.get(id).toString())
            .as(
                "%s changes with the tag, so CloudFormation updates it: it must not carry the window value",
                id)
            .doesNotContain(MARKER);
      }
    }
    assertThat(changed)
        .as("the tag must update something, or this test proves nothing")
        .isNotEmpty();
  }

  @Test
  void theValueIsWrittenOnlyByPutParameterWithoutOverwriteOnCreateAndUpdate() throws Exception {
    Stack stack = stack("out", false, MaintenanceWindowProps.builder().initialWindowValue(INITIAL));

    Template.fromStack(stack).resourceCountIs("AWS::SSM::Parameter", 0);
    List<JsonNode> writers = customResources(stack);
    assertThat(writers).hasSize(1);
    for (String event : List.of("Create", "Update")) {
      JsonNode call = call(writers.get(0), event);
      assertThat(call.path("service").asText()).as(event).isEqualTo("SSM");
      assertThat(call.path("action").asText()).as(event).isEqualTo("putParameter");
      assertThat(call.path("parameters").path("Overwrite").asBoolean(true)).as(event).isFalse();
      assertThat(call.path("parameters").path("Name").asText())
          .as(event)
          .isEqualTo("maintenance-window");
      assertThat(call.path("parameters").path("Value").asText()).as(event).isEqualTo(INITIAL);
      assertThat(call.path("ignoreErrorCodesMatching").asText())
          .as(event)
          .isEqualTo("ParameterAlreadyExists");
    }
  }

  @Test
  void byDefaultTheParameterOutlivesTheStack() throws Exception {
    Stack stack = stack("out", false, MaintenanceWindowProps.builder());

    assertThat(call(customResources(stack).get(0), "Delete")).isNull();
    assertThat(TestApps.allStatements(Template.fromStack(stack)).toString())
        .doesNotContain("ssm:DeleteParameter");
  }

  @Test
  void removalPolicyDestroyDeletesTheParameterWithTheStack() throws Exception {
    Stack stack =
        stack("out", false, MaintenanceWindowProps.builder().removalPolicy(RemovalPolicy.DESTROY));

    JsonNode delete = call(customResources(stack).get(0), "Delete");
    assertThat(delete.path("action").asText()).isEqualTo("deleteParameter");
    assertThat(delete.path("parameters").path("Name").asText()).isEqualTo("maintenance-window");
  }

  @Test
  void theProviderMayPutAndNothingElseOnTheParameterOnly() {
    Stack stack = stack("out", false, MaintenanceWindowProps.builder());

    assertThat(TestApps.allStatements(Template.fromStack(stack)))
        .filteredOn(statement -> statement.get("Action").toString().contains("ssm:PutParameter"))
        .singleElement()
        .satisfies(statement -> assertThat(statement.get("Action")).isEqualTo("ssm:PutParameter"))
        .satisfies(
            statement -> assertThat(statement.get("Resource").toString()).contains(":parameter/"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void aGuardedFunctionIsCreatedAfterTheParameter() {
    Stack stack = stack("out", false, MaintenanceWindowProps.builder());

    Map<String, Map<String, Object>> resources = resources(stack);
    String writerId =
        resources.entrySet().stream()
            .filter(e -> "Custom::MaintenanceWindowParameter".equals(e.getValue().get("Type")))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElseThrow();
    Function fn = (Function) stack.getNode().findChild("Fn");
    assertThat((List<String>) resources.get(TestApps.logicalId(stack, fn)).get("DependsOn"))
        .contains(writerId);
  }

  @Test
  void theSnapshotRemovalPolicyIsRefusedWithAMessage() {
    Stack stack =
        stack("out", false, MaintenanceWindowProps.builder().removalPolicy(RemovalPolicy.SNAPSHOT));

    assertThatThrownBy(() -> Template.fromStack(stack))
        .hasMessageContaining("removalPolicy SNAPSHOT is not supported");
  }
}
