package lambdainternal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * Stands in for the closed runtime of the java8.al2 and java11 managed runtimes (main class {@code
 * lambdainternal.AWSLambda}, not on Maven Central): a runtime loop the agent knows nothing of. It
 * echoes every event through the Runtime API, so a test sees invocations run unguarded.
 */
public final class AWSLambda {
  private AWSLambda() {}

  public static void main(String[] args) throws IOException {
    String api = "http://" + System.getenv("AWS_LAMBDA_RUNTIME_API") + "/2018-06-01/runtime/";
    System.out.println("closed runtime simulation: handler " + (args.length > 0 ? args[0] : "?"));
    while (true) {
      HttpURLConnection next =
          (HttpURLConnection) URI.create(api + "invocation/next").toURL().openConnection();
      next.setReadTimeout(0);
      String requestId = next.getHeaderField("Lambda-Runtime-Aws-Request-Id");
      byte[] event;
      try (InputStream in = next.getInputStream()) {
        event = in.readAllBytes();
      }
      HttpURLConnection response =
          (HttpURLConnection)
              URI.create(api + "invocation/" + requestId + "/response").toURL().openConnection();
      response.setRequestMethod("POST");
      response.setDoOutput(true);
      try (OutputStream out = response.getOutputStream()) {
        out.write(event);
      }
      response.getResponseCode();
      response.disconnect();
    }
  }
}
