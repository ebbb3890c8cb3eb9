package io.github.lambdamw.benchmarks;

import io.github.lambdamw.harness.function.JavaHome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the first SSM read costs in a fresh JVM with Lambda's flags, alone (no runtime client
 * competing), interleaved ({@code SsmReadProbe} in a {@link ColdJvm} per run): the agent's {@code
 * SsmWindowSource} as it runs in Lambda (credentials from Lambda's environment variables, its own
 * SigV4 and JSON reader, the JDK's HTTP), over plain http on loopback and over HTTPS to the
 * stand-in's AWS-like chain, trusting the JDK's cacerts plus its root ({@link StandInTls}); and the
 * SDK's {@code SsmClient} (url-connection client) over HTTPS, what the agent would cost with the
 * SDK on its INIT path.
 *
 * <p>Two more ways send the agent's own request (built, signed and read by the agent's classes)
 * over HTTPS with another JDK client, to weigh the agent's {@code HttpTransport} against the JDK:
 * {@code httpclient-https}, {@code java.net.http.HttpClient} (HTTP/1.1, its connect timeout and the
 * request's timeout), what an agent built on it would cost; {@code urlconnection-https}, a bare
 * {@code HttpsURLConnection} with the JDK's default socket factory and only connect and read
 * timeouts, so that {@code agent-https} minus this row is what {@code CallWatchdog} and {@code
 * WatchedTlsSockets} cost on top of the JDK. The first-read column is the one to compare: a Lambda
 * JVM does not exit after the read, and {@code httpclient-https}'s whole process holds ~300 ms more
 * at JVM exit, after the last Java code ran ({@code -Xlog:all} by hand), with the client's selector
 * thread still waiting in native code.
 *
 * <p>The key-exchange groups: from JDK 20 on, the agent's own sockets offer X25519 alone ({@code
 * KeyShareGroups}), where JDK 25's client would make two key shares (one for the most preferred
 * group of each kind, X25519 and secp256r1; JDK 17.0.15 makes the same two, but there the second
 * costs nothing measurable). {@code agent-jdkgroups-https} is {@code agent-https} with the JDK's
 * groups kept: {@code jdk.tls.namedGroups} set to the JDK's default list, which the agent leaves as
 * it is, so {@code agent-https} minus this row is what offering X25519 alone saves. {@code
 * agent-x25519only-https} and {@code agent-p256only-https} limit the whole JVM's TLS to one group
 * ({@code -Djdk.tls.namedGroups}), a function's own setting.
 *
 * <p>{@code aftersdk-https} times the agent's read in a JVM that has made one SDK read first
 * (untimed): the agent's own handshake and read where the function's TLS is already set up, which
 * is what a guarded function that calls AWS over HTTPS pays for the agent beyond its own calls.
 *
 * <p>{@code --java 17|25|<path> --cpus 1|2 --runs 10}
 */
public final class SsmReadCost {
  static final List<String> MODES =
      List.of(
          "agent-http",
          "agent-https",
          "agent-jdkgroups-https",
          "agent-x25519only-https",
          "agent-p256only-https",
          "httpclient-https",
          "urlconnection-https",
          "sdk-https",
          "aftersdk-https");

  /** JDK 17's and JDK 25's default named groups, in their order. */
  static final String JDK_DEFAULT_GROUPS =
      "x25519,secp256r1,secp384r1,secp521r1,x448,ffdhe2048,ffdhe3072,ffdhe4096,ffdhe6144,ffdhe8192";

  private SsmReadCost() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    String java = args.text("java", "25");
    Path javaHome = LocalAws.javaHome(java);
    int cpus = args.number("cpus", 1);
    int runs = args.number("runs", 10);
    StandInTls tls =
        StandInTls.create(JavaHome.of(javaHome), StandInTls.Cert.AWS_LIKE, StandInTls.Trust.FULL);
    Map<String, List<Double>> readMs;
    Map<String, List<Double>> processMs = new HashMap<>();
    try (LocalAws aws = LocalAws.start(tls)) {
      readMs =
          Interleaved.run(
              MODES,
              runs,
              mode -> {
                boolean https = mode.endsWith("-https");
                ColdJvm jvm =
                    ColdJvm.of(javaHome, cpus)
                        .env("AWS_REGION", "us-east-1")
                        .env("AWS_ACCESS_KEY_ID", "AKIDBENCH")
                        .env("AWS_SECRET_ACCESS_KEY", "secret")
                        .env("AWS_SESSION_TOKEN", "token")
                        .env("AWS_ENDPOINT_URL_SSM", aws.ssmEndpoint(https).toString())
                        .env("MAINTENANCE_WINDOW_PARAMETER", LocalAws.CLOSED_PARAMETER);
                if (https) {
                  jvm.flag(tls.javaToolOptions());
                }
                if (mode.contains("-jdkgroups-")) {
                  jvm.flag("-Djdk.tls.namedGroups=" + JDK_DEFAULT_GROUPS);
                } else if (mode.contains("-x25519only-")) {
                  jvm.flag("-Djdk.tls.namedGroups=x25519");
                } else if (mode.contains("-p256only-")) {
                  jvm.flag("-Djdk.tls.namedGroups=secp256r1");
                }
                long start = System.nanoTime();
                String out = jvm.run("SsmReadProbe", mode.substring(0, mode.indexOf('-')));
                processMs
                    .computeIfAbsent(mode, m -> new ArrayList<>())
                    .add((System.nanoTime() - start) / 1e6);
                return ColdJvm.millis(out);
              });
    }
    StringBuilder text =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%n### First SSM read in a cold JVM, alone, JDK %s, %d CPU%s, %d interleaved"
                    + " runs%n%n| way | first read, ms: median (min–max) | whole process, ms:"
                    + " median |%n|---|---|---|%n",
                java,
                cpus,
                cpus == 1 ? " (taskset -c 0)" : "s",
                runs));
    for (String mode : MODES) {
      Stats r = Stats.of(readMs.get(mode));
      // The first run of each mode was the warm-up round.
      List<Double> wall = processMs.get(mode).subList(1, processMs.get(mode).size());
      text.append(
          String.format(
              Locale.ROOT,
              "| %s | %.0f (%.0f–%.0f) | %.0f |%n",
              mode,
              r.median(),
              r.min(),
              r.max(),
              Stats.of(wall).median()));
    }
    System.out.println(text);
  }
}
