package io.github.lambdamw.infra.internal;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.AspectOptions;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.IAspect;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.CfnFunction;
import software.amazon.awscdk.services.lambda.Function;
import software.constructs.IConstruct;

/**
 * Keeps the layer's wrapper in {@code AWS_LAMBDA_EXEC_WRAPPER} of a guarded function without
 * dropping another tool's wrapper (OpenTelemetry/ADOT, Datadog, Dynatrace, ...): Lambda runs one
 * wrapper, so the other one moves to {@value #NEXT}, which the layer's wrapper runs after adding
 * the agent.
 *
 * <p>Three moments: {@link #chain} when the function is guarded; the same again as an aspect of the
 * function late in synth (a wrapper set after {@code guard()}, by the user or by another construct,
 * is chained then); and a validation that fails the synth, saying what to do, when the wrapper is
 * still not ours (set by something that ran after the aspect, or two other wrappers, which one
 * variable cannot chain).
 */
public final class ExecWrapperChain implements IAspect {

  /** Lambda's variable: the one wrapper the runtime starts. */
  public static final String WRAPPER = "AWS_LAMBDA_EXEC_WRAPPER";

  /** The layer wrapper's variable: the wrapper it runs next (docs/contracts.md). */
  public static final String NEXT = "MAINTENANCE_WINDOW_NEXT_WRAPPER";

  /**
   * After the default priority of aspects that change constructs (500; aws-cdk-lib's {@code
   * AspectPriority}), before read-only ones (1000): wrappers other aspects set are there to chain,
   * and checkers see the result.
   */
  static final int PRIORITY = 900;

  private final Function function;
  private final String ours;

  private ExecWrapperChain(Function function, String ours) {
    this.function = function;
    this.ours = ours;
  }

  /**
   * Puts {@code ours} in front of {@code fn}'s wrapper now, and again late in synth, and checks it
   * at validation.
   *
   * @throws IllegalArgumentException when {@code fn} already has two wrappers other than ours
   */
  public static void install(Function fn, String ours) {
    String problem = chain(fn, ours);
    if (problem != null) {
      throw new IllegalArgumentException("MaintenanceWindow.guard: " + problem);
    }
    Aspects.of(fn)
        .add(new ExecWrapperChain(fn, ours), AspectOptions.builder().priority(PRIORITY).build());
    fn.getNode().addValidation(() -> checked(fn, ours));
  }

  @Override
  public void visit(IConstruct node) {
    if (node == function) {
      chain(function, ours); // a problem left here is reported by the validation
    }
  }

  /** Moves another wrapper to {@value #NEXT} and sets ours; why it cannot, or {@code null}. */
  static String chain(Function fn, String ours) {
    Map<String, Object> variables = variables(fn);
    Object current = variables.get(WRAPPER);
    if (current != null && !ours.equals(current)) {
      Object next = variables.get(NEXT);
      if (!(current instanceof String)) {
        return fn.getNode().getPath()
            + ": "
            + WRAPPER
            + " is no plain string ("
            + current
            + "): it cannot be chained";
      }
      if (next != null && !next.equals(current)) {
        return fn.getNode().getPath()
            + " has two exec wrappers besides the maintenance window's: "
            + WRAPPER
            + "='"
            + current
            + "' and "
            + NEXT
            + "='"
            + next
            + "'; the layer's wrapper chains one: keep one of them (or a wrapper script that runs both)";
      }
      fn.addEnvironment(NEXT, (String) current);
    }
    fn.addEnvironment(WRAPPER, ours);
    return null;
  }

  private static List<String> checked(Function fn, String ours) {
    Map<String, Object> variables = variables(fn);
    Object current = variables.get(WRAPPER);
    if (ours.equals(current)) {
      return List.of();
    }
    Object next = variables.get(NEXT);
    return List.of(
        fn.getNode().getPath()
            + ": "
            + WRAPPER
            + " is '"
            + current
            + "' instead of the maintenance window's "
            + ours
            + ", so the function would run UNGUARDED (the wrapper was set after MaintenanceWindow.guard() and"
            + " after its chaining ran"
            + (next == null ? "" : ", and " + NEXT + " already names '" + next + "'")
            + "). Set "
            + NEXT
            + "='"
            + current
            + "' and "
            + WRAPPER
            + "='"
            + ours
            + "' (the layer's wrapper then starts yours), or set your wrapper before guard()");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> variables(Function fn) {
    Object environment =
        Stack.of(fn).resolve(((CfnFunction) fn.getNode().getDefaultChild()).getEnvironment());
    if (environment instanceof Map) {
      // resolved as the L1's properties, not yet as CloudFormation's: "variables", not "Variables"
      Object variables = ((Map<String, Object>) environment).get("variables");
      if (variables instanceof Map) {
        return (Map<String, Object>) variables;
      }
    }
    return Map.of();
  }
}
