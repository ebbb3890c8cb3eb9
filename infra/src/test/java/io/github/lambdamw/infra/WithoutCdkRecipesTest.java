package io.github.lambdamw.infra;

import static io.github.lambdamw.infra.RecipePage.all;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdamw.agent.internal.AgentConfig;
import io.github.lambdamw.infra.internal.BundledAssets;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;

/**
 * docs/without-cdk.md cannot drift: each recipe (AWS CLI, AWS SAM, Terraform) sets exactly the
 * variables and grants exactly the IAM actions a function guarded by the construct gets (read from
 * a synthesized template), and every variable the page names is one the agent (AgentConfig) or the
 * layer's wrapper script reads.
 */
class WithoutCdkRecipesTest {

  static final Path DOC = Path.of("../docs/without-cdk.md");
  private static final List<String> RECIPES = List.of("AWS CLI", "AWS SAM", "Terraform");
  private static final Pattern VARIABLE =
      Pattern.compile("\\b(AWS_LAMBDA_EXEC_WRAPPER|MAINTENANCE_WINDOW_[A-Z_]+)");
  private static final Pattern ASSIGNED = Pattern.compile(VARIABLE.pattern() + "\\s*[=:]");
  private static final Pattern ACTION = Pattern.compile("\\b((?:ssm|dynamodb|kms):[A-Za-z]+)\\b");

  private static RecipePage page;

  @TempDir Path dir;

  @BeforeAll
  static void readThePage() throws IOException {
    page = RecipePage.read(DOC);
  }

  /**
   * What the construct gives a guarded function: its variable names and the IAM actions of its
   * role's policy.
   */
  private record Guarded(Set<String> variables, Set<String> actions) {}

  @SuppressWarnings("unchecked")
  private Guarded guardedByTheConstruct() {
    Stack stack = TestApps.stack(dir);
    MaintenanceWindow window =
        new MaintenanceWindow(
            stack,
            "Window",
            MaintenanceWindowProps.builder().layerZip(TestApps.layerZip(dir)).build());
    Function function = TestApps.function(stack, "Fn", Runtime.JAVA_21);
    window.guard(function);
    Template template = Template.fromStack(stack);

    Map<String, Object> resource =
        template.findResources("AWS::Lambda::Function").get(TestApps.logicalId(stack, function));
    Map<String, Object> variables =
        (Map<String, Object>)
            ((Map<String, Object>)
                    ((Map<String, Object>) resource.get("Properties")).get("Environment"))
                .get("Variables");
    Set<String> actions = new TreeSet<>();
    for (Map<String, Object> statement : TestApps.statementsOf(template, stack, function)) {
      Object action = statement.get("Action");
      if (action instanceof List<?> list) {
        list.forEach(a -> actions.add(a.toString()));
      } else {
        actions.add(action.toString());
      }
    }
    return new Guarded(new TreeSet<>(variables.keySet()), actions);
  }

  @Test
  void everyRecipeSetsExactlyTheVariablesTheConstructSets() {
    Set<String> expected = guardedByTheConstruct().variables();

    assertThat(expected)
        .contains("AWS_LAMBDA_EXEC_WRAPPER", AgentConfig.PARAMETER, AgentConfig.TABLE);
    assertThat(all(VARIABLE, page.tableRowsOf("What every recipe sets"))).isEqualTo(expected);
    for (String recipe : RECIPES) {
      assertThat(all(ASSIGNED, page.codeOf(recipe))).as(recipe).isEqualTo(expected);
    }
  }

  @Test
  void everyRecipeGrantsExactlyTheActionsTheConstructGrants() {
    Set<String> expected = guardedByTheConstruct().actions();

    assertThat(expected)
        .containsExactlyInAnyOrder(
            MaintenanceWindow.PARAMETER_ACTION, MaintenanceWindow.TABLE_ACTION);
    assertThat(all(ACTION, page.section("What every recipe sets")))
        .as("the table and the KMS note")
        .isEqualTo(union(expected, MaintenanceWindow.KEY_ACTIONS));
    for (String recipe : RECIPES) {
      assertThat(all(ACTION, page.codeOf(recipe))).as(recipe).isEqualTo(expected);
    }
  }

  @Test
  void everyRecipePointsTheExecWrapperAtTheScriptTheLayerHas() throws IOException {
    String inLayer = MaintenanceWindow.EXEC_WRAPPER_PATH.substring("/opt/".length());

    assertThat(wrapperScript(inLayer)).startsWith("#!/bin/sh");
    for (String recipe : RECIPES) {
      assertThat(page.codeOf(recipe)).as(recipe).contains(MaintenanceWindow.EXEC_WRAPPER_PATH);
    }
  }

  @Test
  void theLayerZipIsWhereThePageSaysTheLibraryJarHasIt() {
    String resource =
        BundledAssets.class.getPackageName().replace('.', '/')
            + "/assets/"
            + BundledAssets.LAYER_ZIP;

    assertThat(BundledAssets.class.getClassLoader().getResource(resource)).isNotNull();
    assertThat(page.codeOf("The layer"))
        .contains("unzip -j -o lambda-mw-cdk-")
        .contains(" " + resource + "\n");
  }

  @Test
  void everyVariableThePageNamesIsReadByTheAgentOrTheWrapper() throws IOException {
    Set<String> read = new TreeSet<>(agentSettings());
    read.addAll(all(VARIABLE, wrapperScript("maintenance-window/wrapper")));

    assertThat(read).contains("AWS_LAMBDA_EXEC_WRAPPER"); // the wrapper's own name, in its comments
    assertThat(all(VARIABLE, page.text())).isNotEmpty().isSubsetOf(read);
    assertThat(guardedByTheConstruct().variables()).isSubsetOf(read);
  }

  /** The names of AgentConfig's settings: its public String constants. */
  private static Set<String> agentSettings() {
    Set<String> names = new TreeSet<>();
    for (Field field : AgentConfig.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        try {
          names.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new AssertionError(e);
        }
      }
    }
    assertThat(names)
        .contains(AgentConfig.PARAMETER, AgentConfig.TABLE, AgentConfig.REFRESH_SECONDS);
    return names;
  }

  /** A file of the layer zip this library carries. */
  private static String wrapperScript(String entry) throws IOException {
    try (ZipFile zip = new ZipFile(BundledAssets.layerZip())) {
      ZipEntry found = zip.getEntry(entry);
      assertThat(found).as("%s in the layer zip", entry).isNotNull();
      try (InputStream in = zip.getInputStream(found)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
  }

  private static Set<String> union(Set<String> a, List<String> b) {
    List<String> both = new ArrayList<>(a);
    both.addAll(b);
    return new TreeSet<>(both);
  }
}
