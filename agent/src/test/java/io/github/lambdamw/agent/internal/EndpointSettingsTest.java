package io.github.lambdamw.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lambdamw.agent.MaintenanceWindowDeferralException;
import io.github.lambdamw.agent.internal.defer.DynamoDbDeferralStore;
import io.github.lambdamw.agent.internal.gate.SsmWindowSource;
import io.github.lambdamw.agent.internal.gate.WindowReadException;
import io.github.lambdamw.agent.internal.invocation.Invocation;
import io.github.lambdamw.agent.internal.invocation.TestInvocations;
import io.github.lambdamw.window.WindowStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A malformed endpoint variable: reported at INIT, once, naming it; a window read fails as
 * unreadable, and a deferral with the documented MaintenanceWindowDeferralException, not an
 * IllegalArgumentException out of the advice.
 */
class EndpointSettingsTest {
  @RegisterExtension final QuietLog log = new QuietLog();

  @Test
  void aMalformedDynamoDbEndpoint_isReportedAtInitOnce() {
    AgentConfig.from(lambdaEnvironment("AWS_ENDPOINT_URL_DYNAMODB", "localhost:8000"));

    assertThat(log.text().lines())
        .singleElement()
        .asString()
        .startsWith(
            "maintenance-window ERROR AWS_ENDPOINT_URL_DYNAMODB='localhost:8000' is not a usable dynamodb")
        .endsWith(
            "invocations during a window will fail with MaintenanceWindowDeferralException until it is fixed");
  }

  @Test
  void aMalformedSsmEndpoint_isReportedAtInit_withTheFailModeThatApplies() {
    AgentConfig.from(lambdaEnvironment("AWS_ENDPOINT_URL_SSM", "http://local host:8000"));

    assertThat(log.text().lines())
        .singleElement()
        .asString()
        .contains("AWS_ENDPOINT_URL_SSM='http://local host:8000' is not a usable ssm endpoint")
        .endsWith(
            "the window cannot be read until it is fixed (MAINTENANCE_WINDOW_ON_READ_ERROR applies)");
  }

  @Test
  void wellFormedEndpoints_reportNothing() {
    AgentConfig.from(lambdaEnvironment("AWS_ENDPOINT_URL", "http://127.0.0.1:4566"));

    assertThat(log.text()).isEmpty();
  }

  @Test
  void aDeferralWithAMalformedDynamoDbEndpoint_failsWithTheDocumentedException() {
    Map<String, String> env = lambdaEnvironment("AWS_ENDPOINT_URL_DYNAMODB", "localhost:8000");
    DynamoDbDeferralStore store = new DynamoDbDeferralStore(AgentConfig.from(env), env);
    Instant now = Instant.now();
    Invocation invocation =
        TestInvocations.due("request-1", now.toEpochMilli() + 3_000, new byte[] {'{', '}'});

    assertThatThrownBy(
            () -> store.store(invocation, WindowStatus.open(now, null, null, null, "test"), now))
        .isInstanceOf(MaintenanceWindowDeferralException.class)
        .hasMessageContaining(
            "invocation request-1 arrived during a maintenance window but was not stored")
        .hasMessageContaining(
            "AWS_ENDPOINT_URL_DYNAMODB='localhost:8000' is not a usable dynamodb endpoint");
  }

  @Test
  void aWindowReadWithAMalformedSsmEndpoint_isAReadFailureNamingIt() {
    Map<String, String> env = lambdaEnvironment("AWS_ENDPOINT_URL_SSM", "localhost:8000");
    SsmWindowSource source = new SsmWindowSource(AgentConfig.from(env), env);

    assertThatThrownBy(source::read)
        .isInstanceOf(WindowReadException.class)
        .hasMessageContaining("SSM parameter 'maintenance-window' could not be read")
        .hasMessageContaining("AWS_ENDPOINT_URL_SSM='localhost:8000' is not a usable ssm endpoint");
  }

  /** Region and credentials as Lambda sets them, plus one endpoint variable. */
  private static Map<String, String> lambdaEnvironment(String variable, String value) {
    Map<String, String> env = new HashMap<>();
    env.put("AWS_REGION", "eu-west-1");
    env.put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
    env.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    env.put(variable, value);
    return env;
  }
}
