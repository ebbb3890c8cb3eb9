package io.github.lambdamw.infra.internal;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awscdk.Names;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.ILayerVersion;
import software.amazon.awscdk.services.lambda.LayerVersion;
import software.amazon.awscdk.services.ssm.StringParameter;
import software.constructs.Construct;

/**
 * A window's layer version as functions of other stacks of the app see it: by its ARN, read from an
 * SSM parameter ({@code /lambda-mw/layer-version-arn/<window id>}) when their stack deploys.
 *
 * <p>Why not the plain cross-stack reference: that is an export of the layer version ARN, which
 * changes with every new zip, and CloudFormation refuses to change an export another stack imports,
 * so the window's stack could no longer be deployed. Through the parameter, the window's stack
 * publishes a new version (the old one is kept), and each other stack moves to it on its next
 * deploy. The parameter holds no operator state, so CloudFormation writes it on every deploy.
 */
public final class LayerOfOtherStacks {

  private final Construct window;
  private final LayerVersion layer;
  private final String parameterName;
  private final Map<String, ILayerVersion> byStack = new HashMap<>();
  private boolean published;

  /** For {@code layer}, created by {@code window}. */
  public LayerOfOtherStacks(Construct window, LayerVersion layer) {
    this.window = window;
    this.layer = layer;
    this.parameterName = "/lambda-mw/layer-version-arn/" + Names.uniqueId(window);
  }

  /**
   * The layer for a function of {@code stack}: the layer itself in the window's stack, else the ARN
   * read from SSM.
   */
  public ILayerVersion in(Stack stack) {
    Stack home = Stack.of(window);
    if (stack.getNode().getPath().equals(home.getNode().getPath())) {
      return layer;
    }
    if (!published) {
      StringParameter.Builder.create(window, "LayerVersionArn")
          .parameterName(parameterName)
          .stringValue(layer.getLayerVersionArn())
          .description(
              "The layer version of "
                  + window.getNode().getPath()
                  + ", for functions of other stacks")
          .build();
      published = true;
    }
    stack.addStackDependency(home, "the maintenance window's parameter and layer come first");
    return byStack.computeIfAbsent(
        stack.getNode().getPath(),
        path ->
            LayerVersion.fromLayerVersionArn(
                stack,
                "MaintenanceWindowLayer" + Names.uniqueId(window),
                StringParameter.valueForStringParameter(stack, parameterName)));
  }
}
