package io.github.lambdamw.agent.internal.aws;

import io.github.lambdamw.agent.internal.Sha256;
import java.nio.charset.StandardCharsets;
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
   * {@code yyyyMMdd'T'HHmmss'Z'} in UTC, computed rather than formatted: a {@code DateTimeFormatter} pattern is
   * parsed and interpreted on first use, on the INIT path of every guarded function.
   */
  static String amzDate(long epochMillis) {
    long seconds = Math.floorDiv(epochMillis, 1000L);
    long days = Math.floorDiv(seconds, 86_400L);
    int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
    // Civil date from days since 1970-01-01 (Howard Hinnant's days_from_civil, inverted).
    long z = days + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long dayOfEra = z - era * 146_097;
    long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long monthIndex = (5 * dayOfYear + 2) / 153;
    int day = (int) (dayOfYear - (153 * monthIndex + 2) / 5 + 1);
    int month = (int) (monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
    long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    StringBuilder out = new StringBuilder(16);
    out.append(year);
    twoDigits(out, month);
    twoDigits(out, day);
    out.append('T');
    twoDigits(out, secondOfDay / 3600);
    twoDigits(out, secondOfDay / 60 % 60);
    twoDigits(out, secondOfDay % 60);
    return out.append('Z').toString();
  }

  private static void twoDigits(StringBuilder out, int value) {
    out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }
}
