package io.github.lambdamw.agent.internal.aws;

import io.github.lambdamw.window.internal.IsoInstants;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 for one request with a body and no query string, the shape of every AWS
 * JSON call, hashed by the JCA ({@code MessageDigest}, {@code Mac}). {@code SigV4Test} checks it
 * against the SDK's signer, header for header. Kept rather than the SDK's signer: see
 * docs/performance.md.
 */
final class SigV4 {
  static final String ALGORITHM = "AWS4-HMAC-SHA256";
  private static final char[] HEX = "0123456789abcdef".toCharArray();

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
    String payloadHash = hex(sha256(body));
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
    StringBuilder canonical =
        new StringBuilder(256).append(method).append('\n').append(path).append("\n\n");
    for (Map.Entry<String, String> header : signed.entrySet()) {
      canonical.append(header.getKey()).append(':').append(header.getValue()).append('\n');
    }
    String signedHeaders = String.join(";", signed.keySet());
    canonical.append('\n').append(signedHeaders).append('\n').append(payloadHash);
    String scope = date + "/" + region + "/" + service + "/aws4_request";
    String stringToSign =
        ALGORITHM
            + "\n"
            + amzDate
            + "\n"
            + scope
            + "\n"
            + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    byte[] key =
        hmac(("AWS4" + credentials.secretAccessKey()).getBytes(StandardCharsets.UTF_8), date);
    key = hmac(key, region);
    key = hmac(key, service);
    key = hmac(key, "aws4_request");
    String signature = hex(hmac(key, stringToSign));

    Map<String, String> added = new TreeMap<>();
    added.put("X-Amz-Content-Sha256", payloadHash);
    added.put("X-Amz-Date", amzDate);
    if (credentials.sessionToken() != null) {
      added.put("X-Amz-Security-Token", credentials.sessionToken());
    }
    added.put(
        "Authorization",
        ALGORITHM
            + " Credential="
            + credentials.accessKeyId()
            + "/"
            + scope
            + ", SignedHeaders="
            + signedHeaders
            + ", Signature="
            + signature);
    return added;
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e); // every JDK must have it
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM has no HmacSHA256", e); // every JDK must have it
    }
  }

  /** Lower-case hexadecimal, as SigV4 wants it. */
  private static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[bytes[i] & 0xf];
    }
    return new String(out);
  }

  /**
   * {@code yyyyMMdd'T'HHmmss'Z'} in UTC: the ISO instant of the second, without its separators.
   * Written by {@link IsoInstants}, not a {@code DateTimeFormatter}, whose pattern is parsed and
   * interpreted on first use, on the INIT path of every guarded function.
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
