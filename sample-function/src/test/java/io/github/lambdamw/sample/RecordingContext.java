package io.github.lambdamw.sample;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A Lambda context whose logger keeps the lines, so tests can read what the handler logged. */
final class RecordingContext implements Context {
  final List<String> logLines = new ArrayList<>();

  private final LambdaLogger logger =
      new LambdaLogger() {
        @Override
        public void log(String message) {
          logLines.add(message);
        }

        @Override
        public void log(byte[] message) {
          logLines.add(new String(message, StandardCharsets.UTF_8));
        }
      };

  @Override
  public String getAwsRequestId() {
    return "request-1";
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/sample";
  }

  @Override
  public String getLogStreamName() {
    return "stream";
  }

  @Override
  public String getFunctionName() {
    return "sample";
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:eu-west-1:123456789012:function:sample";
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return 30_000;
  }

  @Override
  public int getMemoryLimitInMB() {
    return 512;
  }

  @Override
  public LambdaLogger getLogger() {
    return logger;
  }
}
