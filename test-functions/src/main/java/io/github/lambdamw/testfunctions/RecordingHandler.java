package io.github.lambdamw.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;

/**
 * Appends each event it receives, base64-encoded, one line per run, to the file named by {@code
 * TEST_RUN_LOG}, then answers {@code {"recorded":<size>}}: a test reads the file to know exactly
 * which payloads reached the handler, in which order (a replay test, say). An event containing
 * {@code "fail":true} is recorded, then fails the invocation.
 */
public final class RecordingHandler implements RequestStreamHandler {
  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    String runLog = System.getenv(CountingHandler.LOG_VARIABLE);
    if (runLog == null || runLog.isEmpty()) {
      throw new IllegalStateException(
          CountingHandler.LOG_VARIABLE + " is not set; RecordingHandler cannot record");
    }
    byte[] event = input.readAllBytes();
    ByteBuffer line =
        ByteBuffer.wrap(
            (Base64.getEncoder().encodeToString(event) + "\n").getBytes(StandardCharsets.US_ASCII));
    synchronized (RecordingHandler.class) {
      try (FileChannel channel =
          FileChannel.open(
              Path.of(runLog),
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.APPEND)) {
        channel.lock();
        while (line.hasRemaining()) {
          channel.write(line);
        }
      }
    }
    if (new String(event, StandardCharsets.UTF_8).contains("\"fail\":true")) {
      throw new IllegalStateException("this event asked to fail");
    }
    output.write(("{\"recorded\":" + event.length + "}").getBytes(StandardCharsets.UTF_8));
  }
}
