package io.github.lambdamw.agent.internal.invocation;

import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Reads the runtime interface client's {@code InvocationRequest} without compiling against it. Two
 * layouts exist:
 *
 * <ul>
 *   <li>2.3.x–2.4.x: {@code runtimeapi.InvocationRequest}; the event only through {@code
 *       getContentAsStream()};
 *   <li>2.5.0+: {@code runtimeapi.dto.InvocationRequest}; {@code getContent()} returns the bytes,
 *       and from 2.7 {@code getTenantId()} exists.
 * </ul>
 *
 * Both share the other getters, so one reader built per concrete class covers them; a getter a
 * release lacks reads as {@code null}.
 */
public final class InvocationRequestReader {
  private static final ClassValue<InvocationRequestReader> READERS =
      new ClassValue<>() {
        @Override
        protected InvocationRequestReader computeValue(Class<?> type) {
          return new InvocationRequestReader(type);
        }
      };

  private final MethodHandle id;
  private final MethodHandle invokedFunctionArn;
  private final MethodHandle deadline;
  private final MethodHandle xrayTraceId;
  private final MethodHandle clientContext;
  private final MethodHandle cognitoIdentity;
  private final MethodHandle tenantId;
  private final MethodHandle content;
  private final MethodHandle contentAsStream;

  private InvocationRequestReader(Class<?> type) {
    this.id = getter(type, "getId", String.class);
    this.invokedFunctionArn = getter(type, "getInvokedFunctionArn", String.class);
    this.deadline = getter(type, "getDeadlineTimeInMs", long.class);
    this.xrayTraceId = getter(type, "getXrayTraceId", String.class);
    this.clientContext = getter(type, "getClientContext", String.class);
    this.cognitoIdentity = getter(type, "getCognitoIdentity", String.class);
    this.tenantId = getter(type, "getTenantId", String.class);
    this.content = getter(type, "getContent", byte[].class);
    this.contentAsStream = getter(type, "getContentAsStream", InputStream.class);
    if (id == null || (content == null && contentAsStream == null)) {
      throw new IllegalStateException(
          type.getName()
              + " has no getId() or no way to read the event; unknown runtime interface client layout");
    }
  }

  /**
   * Copies what the agent stores out of {@code request}, an {@code InvocationRequest} of either
   * layout.
   */
  public static Invocation read(Object request) {
    return READERS.get(request.getClass()).copy(request);
  }

  /**
   * The invocation's deadline (epoch milliseconds) without copying the event, or 0 when it cannot
   * be read. Never throws: it is asked on the dispatch path.
   */
  public static long deadlineMillis(Object request) {
    try {
      InvocationRequestReader reader = READERS.get(request.getClass());
      return reader.deadline == null ? 0L : (long) reader.deadline.invoke(request);
    } catch (Throwable e) {
      return 0L;
    }
  }

  private Invocation copy(Object request) {
    try {
      return new Invocation(
          (String) id.invoke(request),
          text(invokedFunctionArn, request),
          deadline == null ? 0L : (long) deadline.invoke(request),
          text(xrayTraceId, request),
          text(clientContext, request),
          text(cognitoIdentity, request),
          text(tenantId, request),
          payload(request));
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("could not read the invocation request: " + e, e);
    }
  }

  private byte[] payload(Object request) throws Throwable {
    if (content != null) {
      byte[] bytes = (byte[]) content.invoke(request);
      return bytes == null ? new byte[0] : bytes;
    }
    try (InputStream in = (InputStream) contentAsStream.invoke(request)) {
      return in == null ? new byte[0] : in.readAllBytes();
    }
  }

  private static String text(MethodHandle getter, Object request) throws Throwable {
    return getter == null ? null : (String) getter.invoke(request);
  }

  private static MethodHandle getter(Class<?> type, String name, Class<?> returnType) {
    try {
      return MethodHandles.publicLookup()
          .findVirtual(type, name, MethodType.methodType(returnType))
          .asType(MethodType.methodType(returnType, Object.class));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return null;
    }
  }
}
