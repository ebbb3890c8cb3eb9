package io.github.lambdamw.harness.ssm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.SsmException;

/** LocalSsm's read quota: SSM's token bucket and its exact throttling answer. */
class LocalSsmRateLimitTest {

  @Test
  void readsBeyondTheBurst_areAnsweredWithHttp400ThrottlingException_asSsmAnswers()
      throws Exception {
    try (LocalSsm ssm = LocalSsm.builder().withRateLimit(0.01, 3).start()) {
      ssm.put("p", "v");
      List<HttpResponse<String>> answers = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        answers.add(getParameter(ssm.endpoint(), "p"));
      }

      assertThat(answers)
          .extracting(HttpResponse::statusCode)
          .containsExactly(200, 200, 200, 400, 400);
      assertThat(answers.get(3).body())
          .isEqualTo("{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}");
      assertThat(ssm.rateLimit().answered()).isEqualTo(3);
      assertThat(ssm.rateLimit().throttled()).isEqualTo(2);
    }
  }

  @Test
  void theSdk_readsTheThrottleAsThrottlingException() {
    try (LocalSsm ssm = LocalSsm.builder().withRateLimit(0.01, 1).start();
        SsmClient client =
            SsmClient.builder()
                .endpointOverride(ssm.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "s")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
                .build()) {
      ssm.put("p", "v");
      client.getParameter(b -> b.name("p"));

      try {
        client.getParameter(b -> b.name("p"));
        throw new AssertionError("the second read should be throttled: one token per 100 s");
      } catch (SsmException e) {
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.isThrottlingException()).isTrue();
      }
    }
  }

  @Test
  void theBucketRefillsAtTheRate_andWritesDoNotDrawOnIt() throws Exception {
    try (LocalSsm ssm = LocalSsm.builder().withRateLimit(0.5, 1).start()) {
      ssm.put("p", "v");
      assertThat(getParameter(ssm.endpoint(), "p").statusCode()).isEqualTo(200);
      assertThat(getParameter(ssm.endpoint(), "p").statusCode()).isEqualTo(400);
      Thread.sleep(2_100); // two seconds refill one token

      assertThat(
              call(
                      ssm.endpoint(),
                      "PutParameter",
                      "{\"Name\":\"q\",\"Value\":\"w\",\"Type\":\"String\"}")
                  .statusCode())
          .isEqualTo(200);
      assertThat(getParameter(ssm.endpoint(), "p").statusCode()).isEqualTo(200);
      assertThat(ssm.rateLimit().timeline()).isNotEmpty();
      assertThat(ssm.rateLimit().timeline().stream().mapToInt(SsmRateLimit.Second::calls).sum())
          .isEqualTo(3);
    }
  }

  private static HttpResponse<String> getParameter(URI endpoint, String name) throws Exception {
    return call(endpoint, "GetParameter", "{\"Name\":\"" + name + "\"}");
  }

  private static HttpResponse<String> call(URI endpoint, String action, String body)
      throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(endpoint.resolve("/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AmazonSSM." + action)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
