package io.github.lambdamw.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdamw.agent.internal.AgentConfig;
import io.github.lambdamw.infra.internal.BundledAssets;
import io.github.lambdamw.infra.internal.Runtimes;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
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
 * docs/without-cdk.md cannot drift: each recipe (AWS CLI, AWS SAM, Terraform) sets exactly the variables and grants
 * exactly the IAM actions a function guarded by the construct gets (read from a synthesized template), every
 * variable the page names is one the agent (AgentConfig) or the layer's wrapper script reads, and
 * scripts/publish-layer.sh publishes for the runtimes the construct guards.
 */
class WithoutCdkRecipesTest {

  private static final Path DOC = Path.of("../docs/without-cdk.md");
  private static final Path PUBLISH_SCRIPT = Path.of("../scripts/publish-layer.sh");
  private static final List<String> RECIPES = List.of("AWS CLI", "AWS SAM", "Terraform");
  private static final Pattern VARIABLE = Pattern.compile("\\b(AWS_LAMBDA_EXEC_WRAPPER|MAINTENANCE_WINDOW_[A-Z_]+)");
  private static final Pattern ASSIGNED = Pattern.compile(VARIABLE.pattern() + "\\s*[=:]");
  private static final Pattern ACTION = Pattern.compile("\\b((?:ssm|dynamodb|kms):[A-Za-z]+)\\b");

  private static Map<String, String> sections;

  @TempDir Path dir;

  @BeforeAll
  static void readTheDoc() throws IOException {
    sections = new LinkedHashMap<>();
    String title = "";
    StringBuilder body = new StringBuilder();
    for (String line : Files.readAllLines(DOC, StandardCharsets.UTF_8)) {
      if (line.startsWith("## ")) {
        sections.put(title, body.toString());
        title = line.substring(3).trim();
        body = new StringBuilder();
      } else {
        body.append(line).append('\n');
      }
    }
    sections.put(title, body.toString());
    assertThat(sections).containsKeys(RECIPES.toArray(String[]::new));
  }

  /** What the construct gives a guarded function: its variable names and the IAM actions of its role's policy. */
  private record Guarded(Set<String> variables, Set<String> actions) {}

  @SuppressWarnings("unchecked")
  private Guarded guardedByTheConstruct() {
    Stack stack = TestApps.stack(dir);
    MaintenanceWindow window =
        new MaintenanceWindow(stack, "Window", MaintenanceWindowProps.builder().layerZip(TestApps.layerZip(dir)).build());
    Function function = TestApps.function(stack, "Fn", Runtime.JAVA_21);
    window.guard(function);
    Template template = Template.fromStack(stack);

    Map<String, Object> resource =
        (Map<String, Object>)
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

    assertThat(expected).contains("AWS_LAMBDA_EXEC_WRAPPER", AgentConfig.PARAMETER, AgentConfig.TABLE);
    assertThat(all(VARIABLE, tableRowsOf("What every recipe sets"))).isEqualTo(expected);
    for (String recipe : RECIPES) {
      assertThat(all(ASSIGNED, codeOf(recipe))).as(recipe).isEqualTo(expected);
    }
  }

  @Test
  void everyRecipeGrantsExactlyTheActionsTheConstructGrants() {
    Set<String> expected = guardedByTheConstruct().actions();

    assertThat(expected).containsExactlyInAnyOrder(MaintenanceWindow.PARAMETER_ACTION, MaintenanceWindow.TABLE_ACTION);
    assertThat(all(ACTION, sections.get("What every recipe sets")))
        .as("the table and the KMS note")
        .isEqualTo(union(expected, MaintenanceWindow.KEY_ACTIONS));
    for (String recipe : RECIPES) {
      assertThat(all(ACTION, codeOf(recipe))).as(recipe).isEqualTo(expected);
    }
  }

  @Test
  void everyRecipePointsTheExecWrapperAtTheScriptTheLayerHas() throws IOException {
    String inLayer = MaintenanceWindow.EXEC_WRAPPER_PATH.substring("/opt/".length());

    assertThat(wrapperScript(inLayer)).startsWith("#!/bin/sh");
    for (String recipe : RECIPES) {
      assertThat(codeOf(recipe)).as(recipe).contains(MaintenanceWindow.EXEC_WRAPPER_PATH);
    }
  }

  @Test
  void theLayerZipIsWhereThePageSaysTheLibraryJarHasIt() {
    String resource = BundledAssets.class.getPackageName().replace('.', '/') + "/assets/" + BundledAssets.LAYER_ZIP;

    assertThat(BundledAssets.class.getClassLoader().getResource(resource)).isNotNull();
    assertThat(codeOf("The layer")).contains("unzip -j -o lambda-mw-cdk-").contains(" " + resource + "\n");
  }

  @Test
  void everyVariableThePageNamesIsReadByTheAgentOrTheWrapper() throws IOException {
    Set<String> read = new TreeSet<>(agentSettings());
    read.addAll(all(VARIABLE, wrapperScript("maintenance-window/wrapper")));

    assertThat(read).contains("AWS_LAMBDA_EXEC_WRAPPER"); // the wrapper's own name, in its comments
    assertThat(all(VARIABLE, Files.readString(DOC))).isNotEmpty().isSubsetOf(read);
    assertThat(guardedByTheConstruct().variables()).isSubsetOf(read);
  }

  @Test
  void thePublishScriptPublishesEveryRegionForTheGuardableRuntimesAndRecordsTheArn() throws Exception {
    Path zip = Path.of(TestApps.layerZip(dir));
    Path stderr = dir.resolve("stderr");
    Process process =
        new ProcessBuilder(
                "sh",
                PUBLISH_SCRIPT.toString(),
                "--regions",
                "eu-west-1 us-east-1",
                "--zip",
                zip.toString(),
                "--version",
                "9.9.9",
                "--dry-run")
            .redirectError(stderr.toFile())
            .start();
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
    String commands = Files.readString(stderr);

    assertThat(process.exitValue()).as(commands).isZero();
    assertThat(stdout.lines())
        .containsExactly(
            "arn:aws:lambda:eu-west-1:123456789012:layer:lambda-maintenance-window:1",
            "arn:aws:lambda:us-east-1:123456789012:layer:lambda-maintenance-window:1");
    for (String region : List.of("eu-west-1", "us-east-1")) {
      assertThat(commands)
          .contains("aws lambda publish-layer-version --region " + region)
          .contains("--compatible-runtimes " + String.join(" ", Runtimes.GUARDABLE) + " ")
          .contains(
              "aws lambda add-layer-version-permission --region "
                  + region
                  + " --layer-name lambda-maintenance-window --version-number 1 --statement-id public"
                  + " --action lambda:GetLayerVersion --principal *")
          .contains("aws ssm put-parameter --region " + region + " --name /lambda-mw/layer-arn ")
          .contains("aws ssm put-parameter --region " + region + " --name /lambda-mw/9.9.9/layer-arn ");
    }
    assertThat(sections.get("The layer")).contains("/lambda-mw/layer-arn", "/lambda-mw/<version>/layer-arn");
  }

  @Test
  void thePublishScriptRefusesAMissingZipWithoutCallingAws() throws Exception {
    Process process =
        new ProcessBuilder(
                "sh", PUBLISH_SCRIPT.toString(), "--regions", "eu-west-1", "--zip", dir.resolve("no.zip").toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();

    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(output).contains("no layer zip at " + dir.resolve("no.zip"));
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
    assertThat(names).contains(AgentConfig.PARAMETER, AgentConfig.TABLE, AgentConfig.REFRESH_SECONDS);
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

  /** The rows of the tables of a section. */
  private static String tableRowsOf(String section) {
    StringBuilder rows = new StringBuilder();
    for (String line : sections.get(section).split("\n")) {
      if (line.startsWith("| `")) {
        rows.append(line).append('\n');
      }
    }
    return rows.toString();
  }

  /** The code blocks of a section. */
  private static String codeOf(String section) {
    StringBuilder code = new StringBuilder();
    boolean inside = false;
    for (String line : sections.get(section).split("\n")) {
      if (line.startsWith("```")) {
        inside = !inside;
      } else if (inside) {
        code.append(line).append('\n');
      }
    }
    assertThat(code).as("code in section %s", section).isNotEmpty();
    return code.toString();
  }

  private static Set<String> all(Pattern pattern, String text) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }

  private static Set<String> union(Set<String> a, List<String> b) {
    List<String> both = new ArrayList<>(a);
    both.addAll(b);
    return new TreeSet<>(both);
  }
}
