package io.github.lambdamw.agent.internal.http;

import io.github.lambdamw.agent.internal.AgentLog;
import java.lang.reflect.Method;
import java.security.cert.CertificateException;
import java.util.Arrays;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * Which key-exchange groups the agent's own TLS sockets offer: X25519 alone where the JDK would
 * otherwise make two key shares, the JDK's groups everywhere else. Only the agent's sockets: the
 * function's TLS is never touched.
 *
 * <p>Why: the TLS 1.3 client makes a key share for its most preferred group of each kind, X25519
 * and secp256r1 (JDK 25 and JDK 17.0.15 alike, as {@code HttpTransportKeyShareTest} reads them from
 * the ClientHello). In a cold JDK 25 the second, secp256r1's key generation, is what its first
 * HTTPS read cost more than JDK 17's: 344 against 413 ms at 1 CPU ({@code SsmReadCost}, {@code
 * agent-https} against {@code agent-jdkgroups-https}; docs/performance.md, "What keeps the agent
 * lean", item 6). On JDK 17 the same share costs nothing measurable (341 ms, 332 with X25519 alone
 * JVM-wide).
 *
 * <p>X25519's share is the one the JDK puts first anyway; what changes is the list of groups the
 * server may choose from. A server without X25519 cannot ask for another group and refuses the
 * handshake. The call is then made once more at once, within its deadline, with the JDK's groups,
 * and every later connection of the JVM offers the JDK's groups (one log line says so).
 *
 * <p>The JDK's groups are kept when:
 *
 * <ul>
 *   <li>the JDK cannot set groups per socket ({@code SSLParameters.setNamedGroups} is JDK 20+; on
 *       JDK 17 the second share costs nothing measurable);
 *   <li>the JVM sets {@code jdk.tls.namedGroups}: the function's owner chose the groups;
 *   <li>the endpoint is a FIPS one (a host name with {@code fips}, or an AWS GovCloud or ISO
 *       region's), where X25519 is not an approved group: no refused handshake is spent there;
 *   <li>the socket's groups do not include X25519 (a JVM or provider configured without it).
 * </ul>
 */
final class KeyShareGroups {
  static final String X25519 = "x25519";

  /** The JVM's: once one endpoint refused X25519 alone, the agent stops offering it anywhere. */
  static final KeyShareGroups JVM = new KeyShareGroups(System.getProperty("jdk.tls.namedGroups"));

  private static final Method GET_NAMED_GROUPS = parametersMethod("getNamedGroups");
  private static final Method SET_NAMED_GROUPS = parametersMethod("setNamedGroups", String[].class);

  private final boolean chosenByTheJvm;

  /** Set once a socket offered X25519 alone: only then can a failed handshake be a refusal. */
  private volatile boolean narrowed;

  private volatile boolean refused;

  /**
   * @param jvmNamedGroups the {@code jdk.tls.namedGroups} property, {@code null} when unset
   */
  KeyShareGroups(String jvmNamedGroups) {
    this.chosenByTheJvm = jvmNamedGroups != null && !jvmNamedGroups.isBlank();
  }

  /** Whether sockets to {@code host} may offer X25519 alone, refusals aside. */
  boolean mayNarrow(String host) {
    if (SET_NAMED_GROUPS == null || GET_NAMED_GROUPS == null || chosenByTheJvm) {
      return false;
    }
    String name = host.toLowerCase(Locale.ROOT);
    return !name.contains("fips") && !name.contains("us-gov") && !name.contains("-iso");
  }

  /**
   * Narrows {@code parameters} to X25519 when allowed for {@code host} and the socket offers it.
   *
   * @return whether it did
   */
  boolean narrow(SSLParameters parameters, String host) {
    if (refused || !mayNarrow(host)) {
      return false;
    }
    try {
      String[] groups = (String[]) GET_NAMED_GROUPS.invoke(parameters);
      if (groups == null || groups.length < 2 || !Arrays.asList(groups).contains(X25519)) {
        return false;
      }
      SET_NAMED_GROUPS.invoke(parameters, (Object) new String[] {X25519});
      narrowed = true;
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false; // a provider that does not take them: its groups as they are
    }
  }

  /**
   * After a TLS failure before anything was sent, on a call whose socket may have offered X25519
   * alone: whether to make the call again with the JDK's groups. Servers refuse a group in
   * different ways (a {@code handshake_failure} alert, another alert, a closed connection), so any
   * such failure counts, but one. A certificate that was not accepted is not a refused group
   * (certificates come after the server chose one), so it is not tried again.
   */
  boolean refusedBy(SSLException failure, String host) {
    if (refused || !narrowed || !mayNarrow(host)) {
      return false;
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof CertificateException) {
        return false;
      }
    }
    refused = true;
    AgentLog.info(
        "the TLS handshake with "
            + host
            + " failed offering the X25519 group alone ("
            + failure.getMessage()
            + "); the agent's connections offer the JVM's groups from now on");
    return true;
  }

  private static Method parametersMethod(String name, Class<?>... parameterTypes) {
    try {
      return SSLParameters.class.getMethod(name, parameterTypes);
    } catch (NoSuchMethodException e) {
      return null; // before JDK 20
    }
  }
}
