package io.github.lambdamw.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdamw.infra.internal.Runtimes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/publish-layer.sh, run with --dry-run (it prints each aws command on stderr instead of
 * calling AWS): one layer version per region for the runtimes the construct guards, public, its ARN
 * in the SSM parameters that docs/without-cdk.md names.
 */
class PublishLayerScriptTest {

  private static final Path SCRIPT = Path.of("../scripts/publish-layer.sh");

  @TempDir Path dir;

  private record Run(int exitCode, String stdout, String stderr) {}

  private Run run(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("sh", SCRIPT.toString()));
    command.addAll(List.of(arguments));
    Path stderr = dir.resolve("stderr");
    Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
    return new Run(process.exitValue(), stdout, Files.readString(stderr));
  }

  @Test
  void publishesEveryRegionForTheGuardableRuntimesAndRecordsTheArn() throws Exception {
    String zip = TestApps.layerZip(dir);

    Run run =
        run("--regions", "eu-west-1 us-east-1", "--zip", zip, "--version", "9.9.9", "--dry-run");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout().lines())
        .containsExactly(
            "arn:aws:lambda:eu-west-1:123456789012:layer:lambda-maintenance-window:1",
            "arn:aws:lambda:us-east-1:123456789012:layer:lambda-maintenance-window:1");
    for (String region : List.of("eu-west-1", "us-east-1")) {
      assertThat(run.stderr())
          .contains("aws lambda publish-layer-version --region " + region)
          .contains("--compatible-runtimes " + String.join(" ", Runtimes.GUARDABLE) + " ")
          .contains("--zip-file fileb://" + zip + " ")
          .contains(
              "aws lambda add-layer-version-permission --region "
                  + region
                  + " --layer-name lambda-maintenance-window --version-number 1 --statement-id public"
                  + " --action lambda:GetLayerVersion --principal *")
          .contains("aws ssm put-parameter --region " + region + " --name /lambda-mw/layer-arn ")
          .contains(
              "aws ssm put-parameter --region " + region + " --name /lambda-mw/9.9.9/layer-arn ");
    }
  }

  @Test
  void aPrivateLayerIsNotSharedWithEveryAccount() throws Exception {
    Run run =
        run("--regions", "eu-west-1", "--zip", TestApps.layerZip(dir), "--private", "--dry-run");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stderr())
        .contains("publish-layer-version")
        .doesNotContain("add-layer-version-permission");
  }

  @Test
  void theDocNamesTheParametersTheScriptWrites() throws IOException {
    RecipePage page = RecipePage.read(WithoutCdkRecipesTest.DOC);

    assertThat(page.section("The layer"))
        .contains("scripts/publish-layer.sh")
        .contains("/lambda-mw/layer-arn", "/lambda-mw/<version>/layer-arn");
  }

  @Test
  void aMissingZipIsRefusedWithoutCallingAws() throws Exception {
    Run run = run("--regions", "eu-west-1", "--zip", dir.resolve("no.zip").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).contains("no layer zip at " + dir.resolve("no.zip"));
    assertThat(run.stdout()).isEmpty();
  }

  @Test
  void noRegionsIsAUsageError() throws Exception {
    Run run = run("--zip", TestApps.layerZip(dir), "--dry-run");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).contains("name the regions");
  }
}
