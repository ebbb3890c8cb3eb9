package io.github.lambdamw.agent.internal.gate;

import io.github.lambdamw.agent.internal.AgentConfig;
import io.github.lambdamw.agent.internal.AwsClients;
import java.time.Duration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParameterRequest;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.SsmException;

/**
 * Reads the window from an SSM parameter with the AWS SDK's own client, so region, endpoint
 * ({@code AWS_ENDPOINT_URL_SSM}) and credentials follow the SDK's standard environment. The client is built on first
 * use, which premain arranges to happen on a background thread overlapping the runtime's INIT.
 */
public final class SsmWindowSource implements WindowSource {
  private final String parameterName;
  private final Duration timeout;
  private volatile SsmClient client;

  public SsmWindowSource(AgentConfig config) {
    this.parameterName = config.parameterName();
    this.timeout = Duration.ofMillis(config.ssmTimeoutMillis());
  }

  @Override
  public String read() throws WindowReadException {
    try {
      return AwsClients.withAgentClassLoader(
          () ->
              client()
                  .getParameter(GetParameterRequest.builder().name(parameterName).build())
                  .parameter()
                  .value());
    } catch (ParameterNotFoundException e) {
      throw new WindowReadException(describe() + " does not exist", e);
    } catch (SsmException e) {
      throw new WindowReadException(
          describe() + " could not be read: " + e.awsErrorDetails().errorCode() + ": "
              + e.awsErrorDetails().errorMessage(),
          e);
    } catch (SdkClientException e) {
      throw new WindowReadException(describe() + " could not be reached: " + e.getMessage(), e);
    } catch (SdkException | IllegalArgumentException e) {
      throw new WindowReadException(describe() + " could not be read: " + e, e);
    }
  }

  @Override
  public String describe() {
    return "SSM parameter '" + parameterName + "'";
  }

  private SsmClient client() {
    SsmClient current = client;
    if (current == null) {
      synchronized (this) {
        current = client;
        if (current == null) {
          current =
              SsmClient.builder()
                  .httpClient(
                      UrlConnectionHttpClient.builder()
                          .connectionTimeout(timeout)
                          .socketTimeout(timeout)
                          .build())
                  .overrideConfiguration(
                      // Two attempts: a third would hold the first invocation back for no better odds.
                      c ->
                          c.apiCallTimeout(timeout.multipliedBy(2))
                              .apiCallAttemptTimeout(timeout)
                              .retryStrategy(retry -> retry.maxAttempts(2)))
                  .build();
          client = current;
        }
      }
    }
    return current;
  }
}
