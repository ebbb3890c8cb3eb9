package io.github.lambdamw.fleet;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The rest of a burst, for the cross-check with real JVMs: threads reading the parameter from the
 * rate-limited SSM stand-in as fast as a fleet would, so the few real functions meet an SSM whose
 * quota is spent. Signatures are not checked by the stand-in, so these calls are not signed.
 */
final class BackgroundReaders implements AutoCloseable {
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final List<Thread> threads = new ArrayList<>();

  /** {@code threads} readers, each sending one GetParameter every {@code pauseMillis}. */
  BackgroundReaders(URI endpoint, String parameter, int threadCount, long pauseMillis) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request =
        HttpRequest.newBuilder(endpoint.resolve("/"))
            .header("Content-Type", "application/x-amz-json-1.1")
            .header("X-Amz-Target", "AmazonSSM.GetParameter")
            .POST(HttpRequest.BodyPublishers.ofString("{\"Name\":\"" + parameter + "\"}"))
            .build();
    for (int i = 0; i < threadCount; i++) {
      Thread thread =
          new Thread(
              () -> {
                while (running.get()) {
                  try {
                    client.send(request, HttpResponse.BodyHandlers.discarding());
                    Thread.sleep(pauseMillis);
                  } catch (InterruptedException e) {
                    return;
                  } catch (Exception e) {
                    // the stand-in closing at the end of the test
                  }
                }
              },
              "fleet-background-reader-" + i);
      thread.setDaemon(true);
      thread.start();
      threads.add(thread);
    }
  }

  @Override
  public void close() {
    running.set(false);
    threads.forEach(Thread::interrupt);
  }
}
