package io.github.lambdamw.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.constructs.Construct;
import software.constructs.IConstruct;

/** Throwaway apps, stacks and stand-in assets for the template tests. */
final class TestApps {

  private TestApps() {}

  /** A tiny zip in the layer's layout, standing in for the wrapper module's layer zip. */
  static String layerZip(Path dir) {
    return zip(dir.resolve("layer.zip"), "maintenance-window/wrapper", "#!/bin/sh\nexec \"$@\"\n");
  }

  /** A tiny jar standing in for the sample function. */
  static String sampleJar(Path dir) {
    return zip(dir.resolve("sample.jar"), "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n");
  }

  /** A tiny jar standing in for the replay function's deployment package. */
  static String replayJar(Path dir) {
    return zip(dir.resolve("replay.jar"), "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n");
  }

  /** The statements of the one IAM policy attached to {@code function}'s role, in order. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> statementsOf(Template template, Stack stack, Function function) {
    String roleId = logicalId(stack, function.getRole());
    List<Map<String, Object>> found = new ArrayList<>();
    for (Object resource : template.findResources("AWS::IAM::Policy").values()) {
      Map<String, Object> properties =
          (Map<String, Object>) ((Map<String, Object>) resource).get("Properties");
      if (((List<Object>) properties.get("Roles")).contains(Map.of("Ref", roleId))) {
        found.addAll(
            (List<Map<String, Object>>)
                ((Map<String, Object>) properties.get("PolicyDocument")).get("Statement"));
      }
    }
    return found;
  }

  /** An app whose context points the demo at stand-in assets, plus {@code extra} context. */
  static App demoApp(Path dir, Map<String, String> extra) {
    Map<String, Object> context = new HashMap<>();
    context.put("layerZip", layerZip(dir));
    context.put("sampleFunctionJar", sampleJar(dir));
    context.put("replayFunctionJar", replayJar(dir));
    context.putAll(extra);
    return App.Builder.create().outdir(dir.resolve("cdk.out").toString()).context(context).build();
  }

  static Stack stack(Path dir) {
    return new Stack(
        App.Builder.create().outdir(dir.resolve("cdk.out").toString()).build(), "Test");
  }

  /**
   * A function of {@code runtime}; Java ones get a stand-in jar (CDK takes no inline code for
   * Java).
   */
  static Function function(Construct scope, String id, Runtime runtime) {
    boolean java = runtime.getName().startsWith("java");
    return Function.Builder.create(scope, id)
        .runtime(runtime)
        .handler(java ? "example.Handler::handleRequest" : "index.handler")
        .code(
            java
                ? Code.fromAsset(SHARED_JAR)
                : Code.fromInline("exports.handler = async () => 'ok';"))
        .build();
  }

  private static final String SHARED_JAR = sharedJar();

  private static String sharedJar() {
    try {
      Path dir = Files.createTempDirectory("mw-test-jar");
      dir.toFile().deleteOnExit();
      String jar = sampleJar(dir);
      Path.of(jar).toFile().deleteOnExit();
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The logical id of a construct's CloudFormation resource, following default children from an L2.
   */
  static String logicalId(Stack stack, IConstruct construct) {
    IConstruct current = construct;
    while (!(current instanceof CfnElement)) {
      current = current.getNode().getDefaultChild();
      if (current == null) {
        throw new IllegalArgumentException(
            construct.getNode().getPath() + " has no CloudFormation resource");
      }
    }
    return stack.getLogicalId((CfnElement) current);
  }

  /** Every statement of every IAM policy (inline or managed) in the template. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> allStatements(Template template) {
    List<Map<String, Object>> statements = new ArrayList<>();
    for (String type : List.of("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::Role")) {
      for (Object resource : template.findResources(type).values()) {
        Map<String, Object> properties =
            (Map<String, Object>) ((Map<String, Object>) resource).get("Properties");
        Object document = properties.get("PolicyDocument");
        if (document != null) {
          statements.addAll(
              (List<Map<String, Object>>) ((Map<String, Object>) document).get("Statement"));
        }
        Object inline = properties.get("Policies");
        if (inline != null) {
          for (Object policy : (List<Object>) inline) {
            Map<String, Object> doc =
                (Map<String, Object>) ((Map<String, Object>) policy).get("PolicyDocument");
            statements.addAll((List<Map<String, Object>>) doc.get("Statement"));
          }
        }
      }
    }
    return statements;
  }

  private static String zip(Path file, String entry, String content) {
    try {
      Files.createDirectories(file.getParent());
      try (OutputStream out = Files.newOutputStream(file);
          ZipOutputStream zip = new ZipOutputStream(out)) {
        zip.putNextEntry(new ZipEntry(entry));
        zip.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        zip.closeEntry();
      }
      return file.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
