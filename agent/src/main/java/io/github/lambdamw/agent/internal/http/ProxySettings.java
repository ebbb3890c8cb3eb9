package io.github.lambdamw.agent.internal.http;

/**
 * Whether the JVM is set up to reach the network through a proxy, judged from the system properties the JDK's own
 * proxy selector reads: {@code http(s).proxyHost}, {@code socksProxyHost}, {@code java.net.useSystemProxies}.
 *
 * <p>Deliberately not {@code ProxySelector.getDefault()}: its first use loads the JDK's selector and reads {@code
 * net.properties}, on every cold start, which is part of what {@link SocketHttpClient} exists to avoid. What this
 * does not see: proxy settings written into the JDK's own {@code conf/net.properties} (Lambda's runtimes ship it
 * without any) and a {@code ProxySelector} the function installs itself.
 */
final class ProxySettings {
  private ProxySettings() {}

  static boolean configured() {
    return present("https.proxyHost")
        || present("http.proxyHost")
        || present("socksProxyHost")
        || "true".equalsIgnoreCase(System.getProperty("java.net.useSystemProxies"));
  }

  private static boolean present(String property) {
    String value = System.getProperty(property);
    return value != null && !value.isBlank();
  }
}
