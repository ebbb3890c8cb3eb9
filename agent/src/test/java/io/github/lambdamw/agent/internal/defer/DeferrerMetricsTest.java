package io.github.lambdamw.agent.internal.defer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.dto.InvocationRequest;
import io.github.lambdamw.agent.MaintenanceWindowDeferralException;
import io.github.lambdamw.window.WindowStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DeferredInvocations once per stored event, DeferralFailures once per event that could not be
 * stored.
 */
class DeferrerMetricsTest {
  private static final WindowStatus WINDOW =
      WindowStatus.open(Instant.EPOCH, null, null, null, "w");

  private final InMemoryDeferralStore store = new InMemoryDeferralStore();
  private final Deferrer deferrer = new Deferrer(store, "fn");
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private PrintStream original;

  @BeforeEach
  void captureOutput() {
    original = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreOutput() {
    System.setOut(original);
  }

  private long records(String metric) {
    return out.toString(StandardCharsets.UTF_8)
        .lines()
        .filter(l -> l.contains("\"" + metric + "\":1"))
        .count();
  }

  @Test
  void aStoredEvent_isCountedOnce_andItsRetryIsNotCountedAgain() {
    InvocationRequest request = new InvocationRequest("r-1", new byte[] {1});

    deferrer.defer(request, WINDOW);
    deferrer.defer(request, WINDOW);

    assertThat(records("DeferredInvocations")).isEqualTo(1);
    assertThat(records("DeferralFailures")).isZero();
  }

  @Test
  void anEventThatCannotBeStored_isOneDeferralFailure_andTheInvocationStillFails() {
    store.failWith = "DynamoDB could not be reached";

    assertThatThrownBy(() -> deferrer.defer(new InvocationRequest("r-2", new byte[] {1}), WINDOW))
        .isInstanceOf(MaintenanceWindowDeferralException.class)
        .hasMessage("DynamoDB could not be reached");
    assertThat(records("DeferralFailures")).isEqualTo(1);
    assertThat(records("DeferredInvocations")).isZero();
  }
}
