package io.github.lambdamw.agent.internal.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lambdamw.agent.internal.AgentConfig;
import io.github.lambdamw.agent.internal.http.DrippingServer;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code MAINTENANCE_WINDOW_SSM_TIMEOUT_MILLIS} bounds each read attempt whole: an SSM endpoint
 * dripping its answer one byte every 200 ms (about 20 s for this answer) does not hold the read
 * past its attempts' deadlines.
 */
class SsmWindowSourceDeadlineTest {
  private static final long TIMEOUT_MILLIS = 1_000;

  @Test
  void aDrippingEndpoint_failsTheRead_byTheDeadlinesOfItsAttempts() throws Exception {
    String answer =
        "{\"Parameter\":{\"Name\":\"maintenance-window\",\"Value\":\"{\\\"windows\\\":[]}\"}}";
    try (DrippingServer ssm = DrippingServer.answering(answer, 200)) {
      Map<String, String> env =
          Map.of(
              "AWS_REGION",
              "eu-west-3",
              "AWS_ACCESS_KEY_ID",
              "AKIDEXAMPLE",
              "AWS_SECRET_ACCESS_KEY",
              "secret",
              "AWS_ENDPOINT_URL_SSM",
              ssm.endpoint().toString(),
              AgentConfig.SSM_TIMEOUT_MILLIS,
              String.valueOf(TIMEOUT_MILLIS));
      SsmWindowSource source = new SsmWindowSource(AgentConfig.from(env), env);
      long start = System.nanoTime();

      // Whether a timed-out read is reported as unreachable or as too busy is the source's
      // business; the time is this
      // test's.
      assertThatThrownBy(source::read).isInstanceOf(WindowReadException.class);

      long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      int attempts = ssm.requests();
      assertThat(attempts).isGreaterThanOrEqualTo(1);
      // Each attempt ends at its deadline; what remains is the pause between attempts and this
      // machine's scheduling.
      assertThat(took).isLessThan(attempts * TIMEOUT_MILLIS + 1_000);
    }
  }
}
