package io.github.lambdamw.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

/**
 * Throwaway apps and stand-in assets for the demo's template tests: tiny files instead of the real
 * jars, so that each synth stays fast (CdkCliSynthIT synthesizes with the real ones).
 */
final class DemoTestApps {

  private DemoTestApps() {}

  /** A tiny zip in the layer's layout, standing in for the layer zip lambda-mw-cdk carries. */
  static String layerZip(Path dir) {
    return zip(dir.resolve("layer.zip"), "maintenance-window/wrapper", "#!/bin/sh\nexec \"$@\"\n");
  }

  /** A tiny jar standing in for a function's deployment package. */
  static String jar(Path dir, String name) {
    return zip(dir.resolve(name), "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n");
  }

  /** An app whose context points the demo at stand-in assets, plus {@code extra} context. */
  static App demoApp(Path dir, Map<String, String> extra) {
    Map<String, Object> context = new HashMap<>();
    context.put("layerZip", layerZip(dir));
    context.put("sampleFunctionJar", jar(dir, "sample.jar"));
    context.put("replayFunctionJar", jar(dir, "replay.jar"));
    context.putAll(extra);
    return App.Builder.create().outdir(dir.resolve("cdk.out").toString()).context(context).build();
  }

  /** A Java function with a stand-in jar. */
  static Function javaFunction(Construct scope, String id, Runtime runtime, Path dir) {
    return Function.Builder.create(scope, id)
        .runtime(runtime)
        .handler("example.Handler::handleRequest")
        .code(Code.fromAsset(jar(dir, id + ".jar")))
        .build();
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
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
      return file.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
