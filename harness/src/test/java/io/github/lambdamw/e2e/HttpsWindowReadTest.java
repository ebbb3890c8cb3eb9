package io.github.lambdamw.e2e;

import static io.github.lambdamw.e2e.GuardedFunctions.HANDLERS;
import static io.github.lambdamw.e2e.GuardedFunctions.OPEN;
import static io.github.lambdamw.e2e.GuardedFunctions.PARAMETER;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdamw.harness.Harness;
import io.github.lambdamw.harness.dynamodb.DeferralTable;
import io.github.lambdamw.harness.function.JavaHome;
import io.github.lambdamw.harness.function.LambdaFunction;
import io.github.lambdamw.harness.function.RuntimeClients;
import io.github.lambdamw.harness.runtimeapi.LocalLambda;
import io.github.lambdamw.harness.ssm.LocalSsm;
import io.github.lambdamw.harness.ssm.LocalhostKeyStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The window read over HTTPS, as in Lambda: the agent's signed {@code GetParameter} through {@code
 * HttpsURLConnection}, trusting the stand-in's certificate through the JVM's standard {@code
 * javax.net.ssl.*} properties, the host name checked against the certificate ({@code localhost}).
 */
class HttpsWindowReadTest {
  private static final char[] PASSWORD = "changeit".toCharArray();

  @TempDir Path temp;

  static Stream<Arguments> runtimes() {
    return Stream.of(
        Arguments.of(RuntimeClients.LEGACY, JavaHome.OPENJDK_17),
        Arguments.of(RuntimeClients.CURRENT, JavaHome.TEMURIN_25));
  }

  private Path keyStore() throws Exception {
    return LocalhostKeyStore.create(temp.resolve("local-ssm.p12"), PASSWORD);
  }

  @ParameterizedTest(name = "RIC {0} on {1}")
  @MethodSource("runtimes")
  void anOpenWindowReadOverHttps_defersTheInvocation(String ric, Path javaHome) throws Exception {
    Path keyStore = keyStore();
    try (Harness harness = Harness.start();
        LocalSsm ssmOverTls = LocalSsm.builder().withTls(keyStore, PASSWORD).start();
        DynamoDbClient dynamoDb = GuardedFunctions.dynamoDb(harness)) {
      DeferralTable.create(dynamoDb, GuardedFunctions.TABLE);
      ssmOverTls.put(PARAMETER, OPEN);
      LocalLambda lambda = harness.lambda("over-https", Duration.ofSeconds(20));
      LambdaFunction function =
          GuardedFunctions.guarded(
              harness,
              lambda,
              javaHome,
              ric,
              HANDLERS + "EchoHandler",
              Map.of(
                  "AWS_ENDPOINT_URL_SSM",
                  ssmOverTls.endpoint().toString(),
                  "JAVA_TOOL_OPTIONS",
                  "-Djavax.net.ssl.trustStore="
                      + keyStore
                      + " -Djavax.net.ssl.trustStorePassword=changeit"));

      assertThat(ssmOverTls.endpoint().getScheme()).isEqualTo("https");
      assertThat(
              lambda
                  .invoke("{\"over\":\"https\"}".getBytes(StandardCharsets.UTF_8), "tls-1")
                  .payloadUtf8())
          .contains("\"deferred\":true");
      assertThat(ssmOverTls.calls("GetParameter")).isGreaterThanOrEqualTo(1);
      assertThat(GuardedFunctions.deferred(dynamoDb, "over-https")).hasSize(1);
      assertThat(function.logLines()).noneMatch(line -> line.contains("could not be reached"));
    }
  }

  @org.junit.jupiter.api.Test
  void anAddressTheCertificateDoesNotName_isRefused_andTheHandlerRuns() throws Exception {
    Path keyStore = keyStore();
    try (Harness harness = Harness.start();
        LocalSsm ssmOverTls = LocalSsm.builder().withTls(keyStore, PASSWORD).start()) {
      ssmOverTls.put(PARAMETER, OPEN);
      LocalLambda lambda = harness.lambda("wrong-name", Duration.ofSeconds(20));
      // The same server and trusted certificate, reached by an address the certificate does not
      // name.
      String byAddress = "https://127.0.0.1:" + ssmOverTls.endpoint().getPort();
      LambdaFunction function =
          GuardedFunctions.guarded(
              harness,
              lambda,
              JavaHome.TEMURIN_25,
              RuntimeClients.CURRENT,
              HANDLERS + "EchoHandler",
              Map.of(
                  "AWS_ENDPOINT_URL_SSM",
                  byAddress,
                  "JAVA_TOOL_OPTIONS",
                  "-Djavax.net.ssl.trustStore="
                      + keyStore
                      + " -Djavax.net.ssl.trustStorePassword=changeit"));

      assertThat(lambda.invoke("{\"ping\":true}".getBytes(StandardCharsets.UTF_8)).payloadUtf8())
          .isEqualTo("{\"ping\":true}");
      assertThat(
              function.awaitLog(
                  line -> line.contains("could not be reached"), Duration.ofSeconds(10)))
          .contains("SSLHandshakeException");
    }
  }
}
