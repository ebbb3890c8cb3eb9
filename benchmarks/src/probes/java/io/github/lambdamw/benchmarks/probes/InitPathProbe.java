package io.github.lambdamw.benchmarks.probes;

import com.fasterxml.jackson.jr.ob.JSON;
import io.github.lambdamw.agent.internal.aws.SigV4Access;
import io.github.lambdamw.window.internal.IsoInstants;
import io.github.lambdamw.window.internal.JsonReader;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;

/**
 * One piece of the agent's INIT path, or the library it replaces, done once in a fresh JVM (the
 * child of {@code InitPathCost}): prints {@code ms=} the time of that first use. Loads {@code
 * $Before} and {@code $After} around it, so that a {@code -Xlog:class+load} of the run shows which
 * classes the piece loaded. Compiled, like the agent, with {@code -XDstringConcat=inline} and without
 * lambdas, so that the probe itself bootstraps no {@code java.lang.invoke} the piece would not.
 *
 * <p>{@code <mode>}: {@code sigv4-agent|sigv4-sdk|json-agent|json-jackson-jr|instant-agent|
 * instant-java-time}.
 */
public final class InitPathProbe {
  /** What SSM answers to the agent's GetParameter, the window value being JSON. */
  static final String SSM_ANSWER =
      "{\"Parameter\":{\"ARN\":\"arn:aws:ssm:us-east-1:123456789012:parameter/maintenance-window\","
          + "\"DataType\":\"text\",\"LastModifiedDate\":1.764554400123E9,\"Name\":"
          + "\"maintenance-window\",\"Type\":\"String\",\"Value\":\"{\\\"windows\\\":[{\\\"start\\\":"
          + "\\\"2026-12-01T02:00:00Z\\\",\\\"end\\\":\\\"2026-12-01T06:00:00+02:00\\\",\\\"reason\\\":"
          + "\\\"database upgrade\\\"}],\\\"enabled\\\":true}\",\"Version\":7}}";

  static final String START = "2026-12-01T02:00:00Z";
  static final String END = "2026-12-01T06:00:00+02:00";

  private InitPathProbe() {}

  /** Loaded just before the timed piece: a mark in the class-load log. */
  static final class Before {
    static void mark() {}
  }

  /** Loaded just after it. */
  static final class After {
    static void mark() {}
  }

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    Before.mark();
    long start = System.nanoTime();
    Object result = run(mode);
    long nanos = System.nanoTime() - start;
    After.mark();
    if (result == null || result.toString().isEmpty()) {
      throw new IllegalStateException(mode + " gave nothing");
    }
    System.out.printf(Locale.ROOT, "ms=%.2f%n", nanos / 1e6);
  }

  private static Object run(String mode) throws Exception {
    switch (mode) {
      case "sigv4-agent":
        return SigV4Access.signGetParameter(
            "ssm.us-east-1.amazonaws.com", "us-east-1", "maintenance-window", "AKIDBENCH",
            "secret", "token");
      case "sigv4-sdk":
        return AwsV4HttpSigner.create()
            .sign(
                SignRequest.builder(AwsSessionCredentials.create("AKIDBENCH", "secret", "token"))
                    .request(
                        SdkHttpFullRequest.builder()
                            .method(SdkHttpMethod.POST)
                            .uri(URI.create("https://ssm.us-east-1.amazonaws.com"))
                            .encodedPath("/")
                            .putHeader("Content-Type", "application/x-amz-json-1.1")
                            .putHeader("X-Amz-Target", "AmazonSSM.GetParameter")
                            .build())
                    .payload(ContentStreamProvider.fromUtf8String("{\"Name\":\"maintenance-window\"}"))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ssm")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                    .putProperty(HttpSigner.SIGNING_CLOCK, Clock.systemUTC())
                    .build())
            .request()
            .firstMatchingHeader("Authorization")
            .orElseThrow();
      case "json-agent":
        {
          Map<?, ?> parameter = (Map<?, ?>) ((Map<?, ?>) JsonReader.read(SSM_ANSWER)).get("Parameter");
          return JsonReader.read((String) parameter.get("Value"));
        }
      case "json-jackson-jr":
        {
          Map<?, ?> parameter = (Map<?, ?>) JSON.std.mapFrom(SSM_ANSWER).get("Parameter");
          return JSON.std.mapFrom(parameter.get("Value"));
        }
      case "instant-agent":
        {
          Instant start = IsoInstants.parse(START);
          Instant end = IsoInstants.parse(END);
          return IsoInstants.format(start) + IsoInstants.format(end);
        }
      case "instant-java-time":
        {
          Instant start = OffsetDateTime.parse(START).toInstant();
          Instant end = OffsetDateTime.parse(END).toInstant();
          return DateTimeFormatter.ISO_INSTANT.format(start) + DateTimeFormatter.ISO_INSTANT.format(end);
        }
      default:
        throw new IllegalArgumentException("unknown mode " + mode);
    }
  }
}
