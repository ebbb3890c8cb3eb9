package io.github.lambdamw.faults;

import static io.github.lambdamw.fidelity.Fidelity.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdamw.fidelity.Fidelity;
import io.github.lambdamw.fidelity.Results;
import io.github.lambdamw.fidelity.StoredItems;
import io.github.lambdamw.fidelity.Suites;
import io.github.lambdamw.harness.Harness;
import io.github.lambdamw.harness.function.BuiltArtifacts;
import io.github.lambdamw.harness.function.RuntimeClients;
import io.github.lambdamw.harness.runtimeapi.InvokeResult;
import io.github.lambdamw.harness.runtimeapi.LocalLambda;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Payloads of every size Lambda accepts, stored while a window is open and read back the way
 * docs/contracts.md says (chunks joined in order, then gunzip): byte for byte the event. Events go
 * through LocalLambda's Java API, which hands any bytes to the Runtime API; real Lambda's Invoke
 * API accepts JSON only, so the non-UTF-8 event stands for what another event source could hand the
 * runtime. Both runtime-client generations read the event differently (JNI up to 2.4, Java from
 * 2.5), so both are tried.
 */
class PayloadsTest {
  static final String SUITE = "payloads";
  private static Harness harness;
  private static StoredItems items;

  @BeforeAll
  static void start() {
    harness = Suites.start(SUITE);
    items = Suites.items(harness);
  }

  @AfterAll
  static void stop() {
    Suites.stop(harness, SUITE);
  }

  record Payload(String label, byte[] bytes) {}

  private static List<Payload> payloads() {
    Random random = new Random(6);
    List<Payload> payloads = new ArrayList<>();
    payloads.add(new Payload("0 bytes", new byte[0]));
    ByteArrayOutputStream binary = new ByteArrayOutputStream();
    binary.writeBytes(new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28, 0x00, (byte) 0x80});
    binary.writeBytes(utf8(Fidelity.MARKER));
    byte[] noise = new byte[2048];
    random.nextBytes(noise);
    binary.writeBytes(noise);
    payloads.add(new Payload("not UTF-8 (2 KB binary)", binary.toByteArray()));
    payloads.add(new Payload("399 KB JSON text (compressible)", json(399 * 1000, random, false)));
    payloads.add(
        new Payload("399 KB random bytes (incompressible)", randomBytes(399 * 1000, random)));
    payloads.add(new Payload("1 MB JSON, base64 of random bytes", json(1024 * 1024, random, true)));
    payloads.add(
        new Payload(
            "6 MB JSON, base64 of random bytes", json(6 * 1024 * 1024 - 100, random, true)));
    payloads.add(new Payload("6 MB random bytes", randomBytes(6 * 1024 * 1024 - 100, random)));
    return payloads;
  }

  private static byte[] randomBytes(int size, Random random) {
    byte[] bytes = new byte[size];
    random.nextBytes(bytes);
    byte[] marker = utf8(Fidelity.MARKER);
    System.arraycopy(marker, 0, bytes, 10, marker.length);
    return bytes;
  }

  /** {"m":MARKER,"data":"…"} of exactly {@code size} bytes. */
  private static byte[] json(int size, Random random, boolean incompressible) {
    String head = "{\"m\":\"" + Fidelity.MARKER + "\",\"data\":\"";
    int dataLength = size - head.length() - 2;
    String data;
    if (incompressible) {
      byte[] raw = new byte[dataLength];
      random.nextBytes(raw);
      data = Base64.getEncoder().encodeToString(raw).substring(0, dataLength);
    } else {
      StringBuilder text = new StringBuilder(dataLength);
      while (text.length() < dataLength) {
        text.append("order ").append(random.nextInt(100_000)).append(" shipped; ");
      }
      data = text.substring(0, dataLength);
    }
    return utf8(head + data + "\"}");
  }

  @Test
  void everyPayloadSize_isStoredLosslessly_andReadsBackByteIdentical() {
    List<Map<String, Object>> rows = new ArrayList<>();
    List<Payload> payloads = payloads();
    for (Object[] cell :
        new Object[][] {{RuntimeClients.LEGACY, 17}, {RuntimeClients.CURRENT, 25}}) {
      String ric = (String) cell[0];
      int jdk = (Integer) cell[1];
      String parameter = "/fidelity/" + Fidelity.functionName("payloads");
      harness.ssm().put(parameter, Fidelity.OPEN);
      LocalLambda lambda =
          harness.lambda(Fidelity.functionName("payloads-" + ric), Duration.ofSeconds(30));
      harness.track(
          Fidelity.guarded(harness, lambda, SUITE, jdk, ric, parameter)
              .withHandler("io.github.lambdamw.testfunctions.EchoHandler")
              .withFunctionJar(BuiltArtifacts.testFunctionsJar())
              .withMemoryMb(1024)
              .start()
              .awaitReady(Fidelity.READY));
      for (Payload payload : payloads) {
        InvokeResult result = lambda.invoke(payload.bytes());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("payload", payload.label());
        row.put("bytes", payload.bytes().length);
        row.put("ric", ric);
        row.put("jdk", jdk);
        row.put("answer", Fidelity.isDeferredAnswer(result) ? "deferred" : result.payloadUtf8());
        var item = items.item(lambda.functionName(), result.requestId());
        row.put("encoding", item == null ? "-" : item.get("payloadEncoding").s());
        row.put(
            "chunkItems",
            item == null || !item.containsKey("payloadChunks")
                ? 0
                : Integer.parseInt(item.get("payloadChunks").n()));
        boolean identical =
            item != null
                && Arrays.equals(
                    items.payload(lambda.functionName(), result.requestId()), payload.bytes());
        row.put("readBackIdentical", identical);
        rows.add(row);
      }
    }
    // A store that cannot take the event: the table is missing.
    {
      String parameter = "/fidelity/" + Fidelity.functionName("no-table");
      harness.ssm().put(parameter, Fidelity.OPEN);
      LocalLambda lambda =
          harness.lambda(Fidelity.functionName("payloads-no-table"), Duration.ofSeconds(30));
      harness.track(
          Fidelity.guarded(harness, lambda, SUITE, 25, RuntimeClients.CURRENT, parameter)
              .withHandler("io.github.lambdamw.testfunctions.EchoHandler")
              .withFunctionJar(BuiltArtifacts.testFunctionsJar())
              .withEnv("MAINTENANCE_WINDOW_TABLE", "no-such-table")
              .start()
              .awaitReady(Fidelity.READY));
      byte[] event = payloads.get(4).bytes();
      InvokeResult result = lambda.invoke(event);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("payload", "1 MB JSON, table missing");
      row.put("bytes", event.length);
      row.put("ric", RuntimeClients.CURRENT);
      row.put("jdk", 25);
      row.put(
          "answer",
          result.isFunctionError()
              ? "error: " + result.payloadUtf8().replaceAll(",\"stackTrace\".*", "}")
              : result.payloadUtf8());
      row.put("encoding", "-");
      row.put("chunkItems", 0);
      row.put("readBackIdentical", false);
      rows.add(row);
      assertThat(result.isFunctionError()).isTrue();
      assertThat(result.payloadUtf8())
          .contains("MaintenanceWindowDeferralException")
          .contains("no-such-table");
    }
    rows.forEach(row -> Results.record(SUITE, "payloads", row));
    for (Map<String, Object> row : rows.subList(0, rows.size() - 1)) {
      assertThat(row.get("answer"))
          .as(row.get("payload") + " on " + row.get("ric"))
          .isEqualTo("deferred");
      assertThat(row.get("readBackIdentical"))
          .as(row.get("payload") + " on " + row.get("ric"))
          .isEqualTo(true);
    }
  }
}
