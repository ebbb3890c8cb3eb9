package io.github.lambdamw.infra.internal;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.GrantOnPrincipalOptions;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.IPrincipal;
import software.amazon.awscdk.services.iam.Policy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * Grants on a principal that say so when they did not reach a policy.
 *
 * <p>Why not {@link Grant#getSuccess()} alone: a role imported with {@code mutable(false)} (or
 * wrapped by {@code withoutPolicyUpdates()}) accepts every statement, reports success and writes
 * nothing, so a guarded function would fail open at run time with no word at synth. Such a
 * principal never holds a policy: that is what is checked here.
 */
public final class CheckedGrants {

  /** The id of the synth warning (or error) naming statements that could not be added. */
  public static final String NOT_ADDED = "lambda-mw:grant-not-added";

  private final Construct reportOn;
  private final boolean failWhenNotAdded;
  private final List<PolicyStatement> notAdded = new ArrayList<>();

  /**
   * @param reportOn the construct the warning or error is attached to
   * @param failWhenNotAdded an error (fails the synth) instead of a warning
   */
  public CheckedGrants(Construct reportOn, boolean failWhenNotAdded) {
    this.reportOn = reportOn;
    this.failWhenNotAdded = failWhenNotAdded;
  }

  /**
   * Grants {@code actions} on {@code resourceArn} to {@code grantee}, remembering it when it did
   * not land.
   */
  public Grant grant(IGrantable grantee, List<String> actions, String resourceArn) {
    Grant grant =
        Grant.addToPrincipal(
            GrantOnPrincipalOptions.builder()
                .grantee(grantee)
                .actions(actions)
                .resourceArns(List.of(resourceArn))
                .build());
    if (!grant.getSuccess() || !landsInAPolicy(grantee)) {
      notAdded.add(
          PolicyStatement.Builder.create()
              .actions(actions)
              .resources(List.of(resourceArn))
              .build());
    }
    return grant;
  }

  /**
   * Whether the principal has a policy that can carry the statement. A role, user or group of this
   * app, and a role imported as mutable, hold an {@code iam.Policy} child once they took a
   * statement; an immutable role holds nothing. (The grant's own dependable cannot tell: a role
   * fills it only when its policies are rendered.) A principal that is no construct (a service or
   * account principal) is trusted on {@link Grant#getSuccess()}.
   */
  private static boolean landsInAPolicy(IGrantable grantee) {
    IPrincipal principal = grantee.getGrantPrincipal();
    if (!(principal instanceof IConstruct)) {
      return true;
    }
    for (IConstruct descendant : ((IConstruct) principal).getNode().findAll()) {
      if (descendant instanceof Policy
          && ((Policy) descendant).getDocument().getStatementCount().intValue() > 0) {
        return true;
      }
    }
    return false;
  }

  /** Grants each of {@code grants} and combines them into one. */
  public static Grant combine(List<Grant> grants) {
    Grant combined = grants.get(0);
    for (int i = 1; i < grants.size(); i++) {
      combined = combined.combine(grants.get(i));
    }
    return combined;
  }

  /**
   * Reports the statements that did not land, if any: one warning (or error) on {@link #reportOn}
   * that names each statement as the policy JSON the user must add to the principal's role.
   *
   * @param what what the grants were for, e.g. {@code "guard Test/Fn"}
   */
  public void report(IGrantable grantee, String what) {
    if (notAdded.isEmpty()) {
      return;
    }
    Stack stack = Stack.of(reportOn);
    List<String> statements = new ArrayList<>();
    for (PolicyStatement statement : notAdded) {
      statements.add(JsonText.of(stack.resolve(statement.toStatementJson())));
    }
    String message =
        what
            + ": the principal "
            + principalName(grantee)
            + " does not accept policy statements from this app (an imported or immutable role), so these were"
            + " NOT added; add them to its policy yourself, or the agent cannot read the window or store"
            + " invocations and the function runs unguarded: "
            + String.join(", ", statements);
    if (failWhenNotAdded) {
      // a validation, not an error annotation: it fails app.synth() itself, not only the CDK CLI
      String error = message + " (requireGrants is set, so this fails the synth)";
      reportOn.getNode().addValidation(() -> List.of(error));
    } else {
      Annotations.of(reportOn).addWarningV2(NOT_ADDED, message);
    }
    notAdded.clear();
  }

  private static String principalName(IGrantable grantee) {
    return grantee instanceof IConstruct
        ? ((IConstruct) grantee).getNode().getPath()
        : grantee.toString();
  }
}
