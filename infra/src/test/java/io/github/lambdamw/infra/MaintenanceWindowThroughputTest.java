package io.github.lambdamw.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/** The opt-in for Parameter Store's higher throughput (issue 12 item 4). */
class MaintenanceWindowThroughputTest {

  @TempDir Path dir;

  private Template synth(MaintenanceWindowProps.Builder props) {
    Stack stack = TestApps.stack(dir);
    new MaintenanceWindow(stack, "Window", props.layerZip(TestApps.layerZip(dir)).build());
    return Template.fromStack(stack);
  }

  @Test
  void byDefaultTheAccountsServiceSettingIsNotTouched() {
    Template template = synth(MaintenanceWindowProps.builder());

    template.resourceCountIs("Custom::ParameterStoreHighThroughput", 0);
    assertThat(TestApps.allStatements(template).toString())
        .doesNotContain("ssm:UpdateServiceSetting");
  }

  @Test
  @SuppressWarnings("unchecked")
  void highThroughputTurnsTheSettingOnAndNeverOffAgain() throws Exception {
    Template template = synth(MaintenanceWindowProps.builder().highThroughput(true));

    Map<String, Map<String, Object>> resources =
        template.findResources("Custom::ParameterStoreHighThroughput");
    assertThat(resources).hasSize(1);
    Map<String, Object> properties =
        (Map<String, Object>) resources.values().iterator().next().get("Properties");
    ObjectMapper json = new ObjectMapper();
    for (String event : new String[] {"Create", "Update"}) {
      JsonNode call = json.readTree(properties.get(event).toString());
      assertThat(call.path("action").asText()).isEqualTo("updateServiceSetting");
      assertThat(call.path("parameters").path("SettingId").asText())
          .isEqualTo("/ssm/parameter-store/high-throughput-enabled");
      assertThat(call.path("parameters").path("SettingValue").asText()).isEqualTo("true");
    }
    assertThat(properties).doesNotContainKey("Delete");
    assertThat(TestApps.allStatements(template))
        .filteredOn(statement -> "ssm:UpdateServiceSetting".equals(statement.get("Action")))
        .singleElement()
        .satisfies(
            statement ->
                assertThat(statement.get("Resource").toString())
                    .contains(":servicesetting/ssm/parameter-store/high-throughput-enabled"));
  }
}
