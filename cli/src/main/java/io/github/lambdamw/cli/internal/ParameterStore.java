package io.github.lambdamw.cli.internal;

import io.github.lambdamw.replay.internal.AwsProblems;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.PutParameterRequest;

/** Reads and writes the window parameter with the SDK's SSM client. */
public final class ParameterStore {
  private final SsmClient ssm;

  public ParameterStore(SsmClient ssm) {
    this.ssm = ssm;
  }

  /** The parameter's value, or {@code null} when it does not exist. */
  public String read(String name) throws ParameterAccessException {
    try {
      return ssm.getParameter(r -> r.name(name)).parameter().value();
    } catch (ParameterNotFoundException e) {
      return null;
    } catch (SdkException e) {
      throw failure("read", name, e);
    }
  }

  /**
   * Writes {@code value}. A new parameter is created as a String; an existing one keeps its type
   * (SSM returns a StringList's value as written, so the agent reads JSON from either).
   */
  public void write(String name, String value, boolean exists) throws ParameterAccessException {
    PutParameterRequest.Builder request =
        PutParameterRequest.builder().name(name).value(value).overwrite(exists);
    if (!exists) {
      request.type(ParameterType.STRING).description("Maintenance windows (docs/window-format.md)");
    }
    try {
      ssm.putParameter(request.build());
    } catch (SdkException e) {
      throw failure("written", name, e);
    }
  }

  private static ParameterAccessException failure(String what, String name, SdkException e) {
    return new ParameterAccessException(
        "SSM parameter '" + name + "' could not be " + what + ": " + AwsProblems.describe(e, "SSM"),
        e);
  }
}
