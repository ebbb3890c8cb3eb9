package io.github.lambdamw.e2e;

import static io.github.lambdamw.e2e.GuardedFunctions.CLOSED;
import static io.github.lambdamw.e2e.GuardedFunctions.HANDLERS;
import static io.github.lambdamw.e2e.GuardedFunctions.OPEN;
import static io.github.lambdamw.e2e.GuardedFunctions.PARAMETER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lambdamw.harness.Harness;
import io.github.lambdamw.harness.dynamodb.DeferralTable;
import io.github.lambdamw.harness.function.JavaHome;
import io.github.lambdamw.harness.function.RuntimeClients;
import io.github.lambdamw.harness.runtimeapi.LocalLambda;
import io.github.lambdamw.replay.ReplayClients;
import io.github.lambdamw.replay.ReplayListener;
import io.github.lambdamw.replay.ReplayRefusedException;
import io.github.lambdamw.replay.ReplaySettings;
import io.github.lambdamw.replay.ReplaySummary;
import io.github.lambdamw.replay.Replayer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Defer through the real agent, replay through the real Invoke API into the same function under the
 * real runtime client: the handler gets exactly the deferred payloads, in arrival order, and only
 * failures stay in the table.
 */
class ReplayEndToEndTest {
  private static final String FUNCTION = "replayed";

  @TempDir Path temp;

  @Test
  void
      deferredEvents_areReplayedExactlyOnceInOrder_failuresStayWithTheirError_andAnOpenWindowRefuses()
          throws Exception {
    Path runLog = temp.resolve("runs.log");
    try (Harness harness = Harness.start()) {
      LocalLambda lambda = harness.lambda(FUNCTION, Duration.ofSeconds(30));
      try (ReplayClients aws = clients(harness, lambda)) {
        DeferralTable.create(aws.dynamo(), GuardedFunctions.TABLE);
        harness.ssm().put(PARAMETER, OPEN);
        GuardedFunctions.guarded(
            harness,
            lambda,
            JavaHome.OPENJDK_17,
            RuntimeClients.CURRENT,
            HANDLERS + "RecordingHandler",
            Map.of("TEST_RUN_LOG", runLog.toString(), "MAINTENANCE_WINDOW_REFRESH_SECONDS", "1"));

        List<byte[]> events = mixedEvents(100);
        for (byte[] event : events) {
          assertThat(lambda.invoke(event).payloadUtf8()).contains("\"deferred\":true");
        }
        List<Map<String, AttributeValue>> stored =
            GuardedFunctions.deferred(aws.dynamo(), FUNCTION);
        assertThat(stored).hasSize(100);
        assertThat(stored.get(50)).containsKey("payloadChunks");
        assertThat(Files.exists(runLog)).as("no handler run during the window").isFalse();

        assertThatThrownBy(() -> replayer(aws).run(ReplayListener.NONE))
            .isInstanceOf(ReplayRefusedException.class)
            .hasMessageContaining("open");

        harness.ssm().put(PARAMETER, CLOSED);
        Thread.sleep(1_100);
        ReplaySummary summary = replayer(aws).run(ReplayListener.NONE);

        List<byte[]> expected = new ArrayList<>(events);
        assertThat(summary.replayed()).isEqualTo(97);
        assertThat(summary.failed()).isEqualTo(3);
        assertThat(recorded(runLog)).containsExactlyElementsOf(base64(expected));
        List<Map<String, AttributeValue>> left = GuardedFunctions.deferred(aws.dynamo(), FUNCTION);
        assertThat(left).hasSize(3);
        assertThat(left)
            .allSatisfy(
                item -> {
                  assertThat(item.get("replayAttempts").n()).isEqualTo("1");
                  assertThat(item.get("lastReplayError").s()).contains("this event asked to fail");
                });
      }
    }
  }

  /**
   * 100 events of mixed sizes, 20 bytes to 700 KB (still over 350 KiB gzipped, so stored in
   * chunks), 3 of them asking to fail.
   */
  private static List<byte[]> mixedEvents(int count) {
    Random random = new Random(42);
    List<byte[]> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int padding =
          i == 50 ? 700_000 : i % 10 == 0 ? 20_000 + random.nextInt(50_000) : random.nextInt(200);
      StringBuilder noise = new StringBuilder(padding);
      for (int j = 0; j < padding; j++) {
        noise.append((char) ('a' + random.nextInt(26)));
      }
      boolean fail = i == 7 || i == 42 || i == 93;
      events.add(
          ("{\"seq\":" + i + (fail ? ",\"fail\":true" : "") + ",\"noise\":\"" + noise + "\"}")
              .getBytes(StandardCharsets.UTF_8));
    }
    return events;
  }

  private static Replayer replayer(ReplayClients aws) {
    ReplaySettings settings =
        ReplaySettings.builder()
            .withFunctionName(FUNCTION)
            .withSynchronous(true)
            .withSettle(Duration.ofSeconds(1))
            .build();
    return new Replayer(settings, aws.dynamo(), aws.lambda(), aws.ssm());
  }

  private static List<String> recorded(Path runLog) throws Exception {
    return Files.readAllLines(runLog);
  }

  private static List<String> base64(List<byte[]> events) {
    List<String> lines = new ArrayList<>(events.size());
    for (byte[] event : events) {
      lines.add(Base64.getEncoder().encodeToString(event));
    }
    return lines;
  }

  private static ReplayClients clients(Harness harness, LocalLambda lambda) {
    return new ReplayClients(
        local(ReplayClients.dynamoBuilder(), harness.dynamoDb().endpoint()).build(),
        local(ReplayClients.lambdaBuilder(true), lambda.endpoint()).build(),
        local(ReplayClients.ssmBuilder(), harness.ssm().endpoint()).build());
  }

  private static <B extends AwsClientBuilder<B, ?>> B local(B builder, URI endpoint) {
    return builder
        .endpointOverride(endpoint)
        .region(Region.of(Harness.REGION))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
  }
}
