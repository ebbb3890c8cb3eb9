package io.github.lambdamw.agent.internal.dispatch;

import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.nameEndsWith;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.github.lambdamw.agent.internal.gate.Gate;
import java.io.ByteArrayOutputStream;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * What the agent weaves and where: {@link DispatchAdvice} on every implementation of the runtime
 * interface client's {@code LambdaRequestHandler.call(InvocationRequest)}: {@code
 * EventHandlerLoader$2}, which runs the user's handler, and {@code
 * LambdaRequestHandler$UserFaultHandler}, which answers when the handler cannot be loaded (a broken
 * deployment during a maintenance window still has its events kept). Both class layouts of the 2.x
 * line match: the argument is {@code runtimeapi.InvocationRequest} up to 2.4 and {@code
 * runtimeapi.dto.InvocationRequest} from 2.5.
 *
 * <p>{@link DispatchTransformer} finds those classes by name prefix and direct interface, without
 * Byte Buddy, and applies {@link DispatchClassTransform} (prepared at build time, or now for an
 * unknown build).
 */
public final class DispatchInstrumentation {
  public static final String RUNTIME_CLIENT_PACKAGE =
      "com.amazonaws.services.lambda.runtime.api.client.";
  public static final String REQUEST_HANDLER = RUNTIME_CLIENT_PACKAGE + "LambdaRequestHandler";

  private DispatchInstrumentation() {}

  /** {@code ByteArrayOutputStream call(<runtimeapi or runtimeapi.dto>.InvocationRequest)}. */
  static ElementMatcher<MethodDescription> dispatchMethod() {
    return isMethod()
        .and(named("call"))
        .and(takesArguments(1))
        .and(
            takesArgument(
                0,
                nameStartsWith(RUNTIME_CLIENT_PACKAGE + "runtimeapi.")
                    .and(nameEndsWith(".InvocationRequest"))))
        .and(returns(named(ByteArrayOutputStream.class.getName())));
  }

  /**
   * Inlined into {@code call}: asks the gate first and, when it answers, skips the handler and
   * returns that answer. Kept to one static call each way so all logic stays testable without Byte
   * Buddy.
   */
  public static final class DispatchAdvice {
    private DispatchAdvice() {}

    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
    public static ByteArrayOutputStream enter(@Advice.Argument(0) Object invocationRequest) {
      return Gate.beforeDispatch(invocationRequest);
    }

    @Advice.OnMethodExit
    public static void exit(
        @Advice.Enter ByteArrayOutputStream deferredAnswer,
        @Advice.Return(readOnly = false) ByteArrayOutputStream answer) {
      if (deferredAnswer != null) {
        answer = deferredAnswer;
      }
    }
  }
}
