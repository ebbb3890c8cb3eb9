package io.github.lambdamw.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdamw.infra.internal.BundledAssets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.Runtime;
import software.constructs.IConstruct;

/**
 * The constructs work from a dependency with no path given: the layer and the replay function come
 * out of this library's jar, as aws-cdk-lib's AwsCliLayer carries its zip. The staged assets are
 * read back from the cloud assembly, so a missing or wrong resource fails here.
 */
class BundledAssetsTest {

  @TempDir Path dir;

  @Test
  void aWindowWithNoPathsDeploysTheLayerThisLibraryCarries() throws IOException {
    Stack stack = stack();
    MaintenanceWindow window = new MaintenanceWindow(stack, "Window");
    Template template = Template.fromStack(stack);

    template.resourceCountIs("AWS::Lambda::LayerVersion", 1);
    assertThat(entriesOf(stagedAsset(stack, window.getLayer(), ".zip")))
        .contains("maintenance-window/wrapper", "maintenance-window/agent.jar");
  }

  @Test
  void aReplayWithNoJarDeploysTheReplayFunctionThisLibraryCarries() throws IOException {
    Stack stack = stack();
    MaintenanceWindow window =
        new MaintenanceWindow(
            stack,
            "Window",
            MaintenanceWindowProps.builder().layerZip(TestApps.layerZip(dir)).build());
    MaintenanceWindowReplay replay =
        new MaintenanceWindowReplay(
            stack,
            "Replay",
            MaintenanceWindowReplayProps.builder()
                .window(window)
                .function(TestApps.function(stack, "Fn", Runtime.JAVA_21))
                .build());
    Template.fromStack(stack);

    assertThat(entriesOf(stagedAsset(stack, replay.getFunction(), ".jar")))
        .contains("io/github/lambdamw/replay/ReplayFunctionHandler.class");
  }

  @Test
  void twoSynthsReuseTheSameExtractedFileAndAssetHash() {
    String first = BundledAssets.layerZip();
    String second = BundledAssets.layerZip();

    assertThat(second).isEqualTo(first);
    assertThat(Path.of(first)).isRegularFile().hasFileName("lambda-mw-wrapper-layer.zip");
  }

  @Test
  void anExtractedFileWhoseBytesChangedIsWrittenAgain() throws IOException {
    Path extracted = Path.of(BundledAssets.layerZip());
    byte[] original = Files.readAllBytes(extracted);
    byte[] tampered = original.clone();
    tampered[tampered.length / 2] ^= 0x5a; // same size, different bytes
    Files.write(extracted, tampered);

    assertThat(Path.of(BundledAssets.layerZip())).isEqualTo(extracted);
    assertThat(Files.readAllBytes(extracted)).isEqualTo(original);
  }

  /**
   * A stack in an app that records each asset's staged path in the template, as the CDK CLI asks
   * apps to.
   */
  private Stack stack() {
    App app =
        App.Builder.create()
            .outdir(dir.resolve("cdk.out").toString())
            .context(Map.of("aws:cdk:enable-asset-metadata", true))
            .build();
    return new Stack(app, "Bundled");
  }

  /**
   * The file CDK staged for the asset of {@code construct} (its aws:asset:path metadata), in the
   * app's outdir.
   */
  @SuppressWarnings("unchecked")
  private Path stagedAsset(Stack stack, IConstruct construct, String extension) {
    String logicalId = TestApps.logicalId(stack, construct);
    Map<String, Object> resource =
        Template.fromStack(stack).findResources(resourceType(extension)).get(logicalId);
    String path = (String) ((Map<String, Object>) resource.get("Metadata")).get("aws:asset:path");
    assertThat(path).endsWith(extension);
    return dir.resolve("cdk.out").resolve(path);
  }

  private static String resourceType(String extension) {
    return extension.equals(".zip") ? "AWS::Lambda::LayerVersion" : "AWS::Lambda::Function";
  }

  private static List<String> entriesOf(Path archive) throws IOException {
    assertThat(archive).isRegularFile();
    List<String> names = new ArrayList<>();
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        names.add(entries.nextElement().getName());
      }
    }
    assertThat(Files.size(archive)).isPositive();
    return names;
  }
}
