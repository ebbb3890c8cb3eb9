package io.github.lambdamw.benchmarks.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The realistic function of the cold-start benchmark: a handler that calls AWS itself, written as
 * AWS advises for SDK v2 on Lambda (the client built once, in a static field, so during INIT; the
 * region and the credential provider named rather than discovered; the url-connection HTTP client).
 * Each invocation makes one {@code GetParameter} over HTTPS, to the endpoint in {@code
 * AWS_ENDPOINT_URL_SSM} (the SDK reads that variable itself), of the parameter named in {@code
 * FUNCTION_PARAMETER}, and answers its value.
 *
 * <p>Compiled with {@code --release 17} into its own jar (the java17 runtime must load it) and
 * deployed with the SDK's jars in {@code lib/}, as a function's zip is; it knows nothing of the
 * agent.
 */
public final class SsmCallingHandler implements RequestHandler<Map<String, Object>, Map<String, String>> {

  private static final SsmClient SSM =
      SsmClient.builder()
          .region(Region.of(System.getenv("AWS_REGION")))
          .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
          .httpClient(UrlConnectionHttpClient.builder().build())
          .build();

  private static final String PARAMETER = System.getenv("FUNCTION_PARAMETER");

  @Override
  public Map<String, String> handleRequest(Map<String, Object> event, Context context) {
    String value = SSM.getParameter(request -> request.name(PARAMETER)).parameter().value();
    return Map.of("parameter", PARAMETER, "value", value);
  }
}
