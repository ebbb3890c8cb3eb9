package io.github.lambdamw.benchmarks;

import io.github.lambdamw.agent.internal.AgentConfig;
import io.github.lambdamw.agent.internal.gate.SsmWindowSource;
import io.github.lambdamw.harness.ssm.LocalSsm;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the first SSM read costs in a cold JVM with Lambda's flags, alone (no runtime client
 * competing): the agent's {@link SsmWindowSource} (SDK signer, credentials chain, url-connection
 * client, jackson-jr) vs a JDK-only prototype (SigV4 with {@code javax.crypto.Mac}, {@code
 * HttpURLConnection}, credentials from Lambda's environment variables). The prototype exists only
 * to size a suggestion; LocalSsm does not check signatures, so it proves cost, not correctness.
 *
 * <p>Driver: {@code --java 25 --cpus 2 --runs 10}. Child: {@code child <mode> <endpoint>}.
 */
public final class SsmReadCost {
  static final String PARAMETER = "bench-window-closed";

  private SsmReadCost() {}

  public static void main(String[] argv) throws Exception {
    if (argv.length > 0 && argv[0].equals("child")) {
      child(argv[1], argv[2]);
      return;
    }
    Args args = new Args(argv);
    Path javaHome = LocalAws.javaHome(args.text("java", "25"));
    int cpus = args.number("cpus", 2);
    int runs = args.number("runs", 10);
    List<String> modes = List.of("sdk-signer", "jdk-only", "jdk-only+tls-init");
    Map<String, List<Double>> readMs = new LinkedHashMap<>();
    Map<String, List<Double>> processMs = new LinkedHashMap<>();
    modes.forEach(
        m -> {
          readMs.put(m, new ArrayList<>());
          processMs.put(m, new ArrayList<>());
        });
    try (LocalSsm ssm = LocalSsm.start()) {
      ssm.put(PARAMETER, "2020-01-01T02:00:00Z,2020-01-01T06:00:00Z");
      for (int round = -1; round < runs; round++) {
        for (int i = 0; i < modes.size(); i++) {
          String mode = modes.get(Math.floorMod(i + round, modes.size()));
          List<String> command = new ArrayList<>();
          if (cpus == 1) {
            command.addAll(List.of("taskset", "-c", "0"));
          }
          command.addAll(
              List.of(
                  javaHome.resolve("bin/java").toString(),
                  "-XX:MaxHeapSize=445644k",
                  "-XX:+UseSerialGC",
                  "-Xshare:auto",
                  "-XX:+TieredCompilation",
                  "-XX:TieredStopAtLevel=1",
                  "-Djava.net.preferIPv4Stack=true",
                  "-cp",
                  System.getProperty("java.class.path"),
                  SsmReadCost.class.getName(),
                  "child",
                  mode,
                  ssm.endpoint().toString()));
          ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
          builder.environment().put("AWS_REGION", "us-east-1");
          builder.environment().put("AWS_ACCESS_KEY_ID", "AKIDBENCH");
          builder.environment().put("AWS_SECRET_ACCESS_KEY", "secret");
          builder.environment().put("AWS_SESSION_TOKEN", "token");
          builder.environment().put("AWS_ENDPOINT_URL_SSM", ssm.endpoint().toString());
          builder.environment().put("MAINTENANCE_WINDOW_PARAMETER", PARAMETER);
          long start = System.nanoTime();
          Process process = builder.start();
          String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
          int exit = process.waitFor();
          double wall = (System.nanoTime() - start) / 1e6;
          if (exit != 0 || !out.contains("read_ms=")) {
            throw new IllegalStateException(mode + " failed:\n" + out);
          }
          double read = Double.parseDouble(out.replaceAll("(?s).*read_ms=([0-9.]+).*", "$1"));
          if (round >= 0) {
            readMs.get(mode).add(read);
            processMs.get(mode).add(wall);
          }
          System.err.printf(
              Locale.ROOT, "round %d %s: read %.0f ms, process %.0f ms%n", round, mode, read, wall);
        }
      }
    }
    StringBuilder text =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%n### First SSM read in a cold JVM, alone, JDK %s, %d CPU(s), %d alternating"
                    + " runs%n%n| way | first read, ms: median (min–max) | whole process, ms:"
                    + " median |%n|---|---|---|%n",
                javaHome.getFileName(),
                cpus,
                runs));
    for (String mode : modes) {
      Stats r = Stats.of(readMs.get(mode));
      text.append(
          String.format(
              Locale.ROOT,
              "| %s | %.0f (%.0f–%.0f) | %.0f |%n",
              mode,
              r.median(),
              r.min(),
              r.max(),
              Stats.of(processMs.get(mode)).median()));
    }
    System.out.println(text);
  }

  private static void child(String mode, String endpoint) throws Exception {
    long start = System.nanoTime();
    String value;
    if (mode.equals("sdk-signer")) {
      Map<String, String> env = System.getenv();
      value = new SsmWindowSource(AgentConfig.from(env), env).read();
    } else {
      if (mode.endsWith("+tls-init")) {
        // What an https endpoint (SSM in Lambda) adds before the handshake: the default TLS context
        // with the JDK's trust store. LocalSsm is plain http, so the other modes skip it.
        javax.net.ssl.SSLContext.getDefault().getSocketFactory();
      }
      value = jdkOnlyRead(URI.create(endpoint), System.getenv());
    }
    double ms = (System.nanoTime() - start) / 1e6;
    if (!value.startsWith("2020-")) {
      throw new IllegalStateException("unexpected value " + value);
    }
    System.out.printf(Locale.ROOT, "read_ms=%.1f%n", ms);
  }

  /** GetParameter signed with SigV4 by hand: the JDK only. */
  static String jdkOnlyRead(URI endpoint, Map<String, String> env) throws Exception {
    String region = env.get("AWS_REGION");
    String body = "{\"Name\":\"" + env.get("MAINTENANCE_WINDOW_PARAMETER") + "\"}";
    String amzDate =
        ZonedDateTime.now(ZoneOffset.UTC).toString().replaceAll("[-:]", "").substring(0, 15) + "Z";
    String day = amzDate.substring(0, 8);
    String host =
        endpoint.getPort() < 0 ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("content-type", "application/x-amz-json-1.1");
    headers.put("host", host);
    headers.put("x-amz-date", amzDate);
    String token = env.get("AWS_SESSION_TOKEN");
    if (token != null) {
      headers.put("x-amz-security-token", token);
    }
    headers.put("x-amz-target", "AmazonSSM.GetParameter");
    StringBuilder canonical = new StringBuilder("POST\n/\n\n");
    headers.forEach((k, v) -> canonical.append(k).append(':').append(v).append('\n'));
    String signed = String.join(";", headers.keySet());
    canonical.append('\n').append(signed).append('\n').append(sha256Hex(body));
    String scope = day + "/" + region + "/ssm/aws4_request";
    String toSign =
        "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + sha256Hex(canonical.toString());
    byte[] key = ("AWS4" + env.get("AWS_SECRET_ACCESS_KEY")).getBytes(StandardCharsets.UTF_8);
    for (String part : new String[] {day, region, "ssm", "aws4_request"}) {
      key = hmac(key, part);
    }
    String signature = HexFormat.of().formatHex(hmac(key, toSign));
    HttpURLConnection connection =
        (HttpURLConnection) endpoint.resolve("/").toURL().openConnection();
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    connection.setConnectTimeout(2_000);
    connection.setReadTimeout(2_000);
    Map<String, String> send = new HashMap<>(headers);
    send.remove("host");
    send.forEach(connection::setRequestProperty);
    connection.setRequestProperty(
        "Authorization",
        "AWS4-HMAC-SHA256 Credential="
            + env.get("AWS_ACCESS_KEY_ID")
            + "/"
            + scope
            + ", SignedHeaders="
            + signed
            + ", Signature="
            + signature);
    try (OutputStream out = connection.getOutputStream()) {
      out.write(body.getBytes(StandardCharsets.UTF_8));
    }
    String answer;
    try (InputStream in = connection.getInputStream()) {
      answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    // Enough JSON for {"Parameter":{…,"Value":"…",…}} with a window value (no escapes in it).
    int at = answer.indexOf("\"Value\"");
    int open = answer.indexOf('"', answer.indexOf(':', at) + 1);
    return answer.substring(open + 1, answer.indexOf('"', open + 1));
  }

  private static String sha256Hex(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] hmac(byte[] key, String data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
  }
}
