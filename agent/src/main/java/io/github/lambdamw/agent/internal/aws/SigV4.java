package io.github.lambdamw.agent.internal.aws;

import io.github.lambdamw.agent.internal.Sha256;
import io.github.lambdamw.window.internal.IsoInstants;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * AWS Signature Version 4 for one request with a body and no query string, the shape of every AWS JSON call, with
 * the agent's own {@link Sha256} (see there why not the JCA). {@code SigV4Test} checks it against the SDK's signer,
 * header for header.
 */
final class SigV4 {
  static final String ALGORITHM = "AWS4-HMAC-SHA256";

  private SigV4() {}

  /**
   * The headers to add to the request: {@code X-Amz-Content-Sha256}, {@code X-Amz-Date}, {@code
   * X-Amz-Security-Token} (temporary credentials) and {@code Authorization}.
   *
   * @param headers the request's other headers to sign (names in any case), {@code Host} included
   */
  static Map<String, String> sign(
      String method,
      String path,
      Map<String, String> headers,
      byte[] body,
      String region,
      String service,
      AwsEnvironment.Credentials credentials,
      long nowMillis) {
    String amzDate = amzDate(nowMillis);
    String date = amzDate.substring(0, 8);
    String payloadHash = Sha256.hex(Sha256.digest(body));
    TreeMap<String, String> signed = new TreeMap<>();
    for (Map.Entry<String, String> header : headers.entrySet()) {
      signed.put(header.getKey().toLowerCase(java.util.Locale.ROOT), header.getValue().strip());
    }
    // Signed as the SDK's signer signs it: any service accepts the payload hash as a signed header.
    signed.put("x-amz-content-sha256", payloadHash);
    signed.put("x-amz-date", amzDate);
    if (credentials.sessionToken() != null) {
      signed.put("x-amz-security-token", credentials.sessionToken());
    }
    StringBuilder canonical = new StringBuilder(256).append(method).append('\n').append(path).append("\n\n");
    for (Map.Entry<String, String> header : signed.entrySet()) {
      canonical.append(header.getKey()).append(':').append(header.getValue()).append('\n');
    }
    String signedHeaders = String.join(";", signed.keySet());
    canonical.append('\n').append(signedHeaders).append('\n').append(payloadHash);
    String scope = date + "/" + region + "/" + service + "/aws4_request";
    String stringToSign =
        ALGORITHM + "\n" + amzDate + "\n" + scope + "\n"
            + Sha256.hex(Sha256.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    byte[] key = hmac(("AWS4" + credentials.secretAccessKey()).getBytes(StandardCharsets.UTF_8), date);
    key = hmac(key, region);
    key = hmac(key, service);
    key = hmac(key, "aws4_request");
    String signature = Sha256.hex(hmac(key, stringToSign));

    Map<String, String> added = new TreeMap<>();
    added.put("X-Amz-Content-Sha256", payloadHash);
    added.put("X-Amz-Date", amzDate);
    if (credentials.sessionToken() != null) {
      added.put("X-Amz-Security-Token", credentials.sessionToken());
    }
    added.put(
        "Authorization",
        ALGORITHM + " Credential=" + credentials.accessKeyId() + "/" + scope + ", SignedHeaders=" + signedHeaders
            + ", Signature=" + signature);
    return added;
  }

  private static byte[] hmac(byte[] key, String data) {
    return Sha256.hmac(key, data.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * {@code yyyyMMdd'T'HHmmss'Z'} in UTC: the ISO instant of the second, without its separators. Written by {@link
   * IsoInstants}, not a {@code DateTimeFormatter}, whose pattern is parsed and interpreted on first use, on the INIT
   * path of every guarded function.
   */
  static String amzDate(long epochMillis) {
    String iso = IsoInstants.format(Instant.ofEpochSecond(Math.floorDiv(epochMillis, 1000L)));
    StringBuilder out = new StringBuilder(16);
    for (int i = 0; i < iso.length(); i++) {
      char c = iso.charAt(i);
      if (c != '-' && c != ':') {
        out.append(c);
      }
    }
    return out.toString();
  }
}
