package io.github.lambdamw.e2e;

import static io.github.lambdamw.e2e.GuardedFunctions.CLOSED;
import static io.github.lambdamw.e2e.GuardedFunctions.HANDLERS;
import static io.github.lambdamw.e2e.GuardedFunctions.PARAMETER;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdamw.harness.Harness;
import io.github.lambdamw.harness.function.JavaHome;
import io.github.lambdamw.harness.function.RuntimeClients;
import io.github.lambdamw.harness.runtimeapi.LocalLambda;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The agent's own libraries are relocated: a function bundling other versions of them gets its own.
 */
class RelocationTest {

  @Test
  void aFunctionBundlingJacksonTheSdkAndByteBuddy_seesItsOwnVersions() {
    try (Harness harness = Harness.start()) {
      harness.ssm().put(PARAMETER, CLOSED);
      LocalLambda plain = harness.lambda("plain", Duration.ofSeconds(20));
      LocalLambda guarded = harness.lambda("guarded", Duration.ofSeconds(20));
      String handler = HANDLERS + "LibraryVersionsHandler";
      GuardedFunctions.unguarded(
          harness, plain, JavaHome.OPENJDK_17, RuntimeClients.CURRENT, handler);
      GuardedFunctions.guarded(
          harness, guarded, JavaHome.OPENJDK_17, RuntimeClients.CURRENT, handler, Map.of());
      byte[] event = "{}".getBytes(StandardCharsets.UTF_8);

      String withAgent = guarded.invoke(event).payloadUtf8();

      assertThat(withAgent)
          .contains("\"jackson\":\"2.15.4\"")
          .contains("\"byteBuddy\":\"1.14.19\"")
          .contains("\"awsSdkCore\":\"2.25.70\"");
      // Identical but for the class loaders' identity hashes, which differ between any two JVMs.
      assertThat(withoutIdentities(withAgent))
          .isEqualTo(withoutIdentities(plain.invoke(event).payloadUtf8()));
    }
  }

  private static String withoutIdentities(String text) {
    return text.replaceAll("@[0-9a-f]+", "@");
  }
}
