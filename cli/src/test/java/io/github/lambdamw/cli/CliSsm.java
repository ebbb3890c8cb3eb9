package io.github.lambdamw.cli;

import io.github.lambdamw.harness.ssm.LocalSsm;
import io.github.lambdamw.harness.ssm.SsmParameter;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The harness's SSM server (JSON 1.1 protocol) and a real SDK client for it, as the command's tests
 * use them.
 */
public final class CliSsm implements AutoCloseable {
  private final LocalSsm ssm = LocalSsm.start();

  public URI endpoint() {
    return ssm.endpoint();
  }

  /** An SDK client pointed at this server, with throwaway credentials. */
  public SsmClient client() {
    return SsmClient.builder()
        .endpointOverride(endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  /** Stores a parameter of {@code type} String or StringList. */
  public void put(String name, String value, String type) {
    if ("StringList".equals(type)) {
      ssm.putStringList(name, java.util.List.of(value.split(",", -1)));
    } else {
      ssm.put(name, value);
    }
  }

  public String value(String name) {
    SsmParameter parameter = ssm.get(name);
    return parameter == null ? null : parameter.value();
  }

  public SsmParameter parameter(String name) {
    return ssm.get(name);
  }

  /** How many PutParameter calls reached the server. */
  public int writes() {
    return ssm.calls("PutParameter");
  }

  @Override
  public void close() {
    ssm.close();
  }
}
