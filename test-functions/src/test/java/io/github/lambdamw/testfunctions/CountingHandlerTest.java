package io.github.lambdamw.testfunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CountingHandlerTest {
  @TempDir Path folder;

  @Test
  void eachRun_appendsItsRequestIdAsOneLine_andEchoesTheEvent() throws IOException {
    Path log = folder.resolve("runs.log");
    CountingHandler handler = new CountingHandler(log.toString());
    ByteArrayOutputStream output = new ByteArrayOutputStream();

    handler.handleRequest(input("{\"n\":1}"), output, new StubContext("first"));
    handler.handleRequest(
        input("{\"n\":2}"), new ByteArrayOutputStream(), new StubContext("second"));

    assertThat(Files.readAllLines(log)).containsExactly("first", "second");
    assertThat(output.toString(StandardCharsets.UTF_8)).isEqualTo("{\"n\":1}");
  }

  @Test
  void concurrentRuns_leaveOneWholeLinePerRun() throws Exception {
    Path log = folder.resolve("runs.log");
    CountingHandler handler = new CountingHandler(log.toString());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String requestId = "request-" + i;
        runs.add(
            pool.submit(
                () -> {
                  handler.handleRequest(
                      input("{}"), new ByteArrayOutputStream(), new StubContext(requestId));
                  return null;
                }));
      }
      for (Future<?> run : runs) {
        run.get();
      }
    } finally {
      pool.shutdown();
    }

    List<String> expected =
        IntStream.range(0, 40).mapToObj(i -> "request-" + i).collect(Collectors.toList());
    assertThat(Files.readAllLines(log)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void withoutTheVariable_theRunFailsLoudlyInsteadOfCountingNothing() {
    CountingHandler handler = new CountingHandler(null);

    assertThatThrownBy(
            () ->
                handler.handleRequest(
                    input("{}"), new ByteArrayOutputStream(), new StubContext("r")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("TEST_RUN_LOG");
  }

  private static ByteArrayInputStream input(String json) {
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }
}
