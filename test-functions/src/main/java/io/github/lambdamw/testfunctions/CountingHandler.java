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

/**
 * Appends its request id to the file named by {@code TEST_RUN_LOG}, one line per run, then echoes
 * the event: a test counts the lines to know how often the handler really ran (as opposed to being
 * deferred).
 */
public final class CountingHandler implements RequestStreamHandler {
  static final String LOG_VARIABLE = "TEST_RUN_LOG";

  private final String runLog;

  /** The constructor Lambda calls. */
  public CountingHandler() {
    this(System.getenv(LOG_VARIABLE));
  }

  CountingHandler(String runLog) {
    this.runLog = runLog;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    if (runLog == null || runLog.isEmpty()) {
      // Loud: a silent skip would make a test count zero runs and draw the wrong conclusion.
      throw new IllegalStateException(
          LOG_VARIABLE + " is not set; CountingHandler cannot record its run");
    }
    appendLine(Path.of(runLog), context.getAwsRequestId());
    input.transferTo(output);
  }

  // Whole lines only, even with several loop threads in this JVM and several function processes on
  // one file:
  // the monitor orders this JVM's threads (a FileLock belongs to the whole JVM and cannot), the
  // file lock orders
  // the processes, and the line is written before the response, so a test that reads after it sees
  // the line.
  private static void appendLine(Path file, String requestId) throws IOException {
    ByteBuffer line = ByteBuffer.wrap((requestId + "\n").getBytes(StandardCharsets.UTF_8));
    synchronized (CountingHandler.class) {
      try (FileChannel channel =
          FileChannel.open(
              file,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.APPEND)) {
        channel.lock(); // released when the channel closes
        while (line.hasRemaining()) {
          channel.write(line);
        }
      }
    }
  }
}
