package com.amazonaws.services.lambda.runtime.api.client.runtimeapi;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/**
 * Test double with the 2.3–2.4 layout: the event only through getContentAsStream(), no tenant id.
 */
public class InvocationRequest {
  private final String id;
  private final byte[] content;

  public InvocationRequest(String id, byte[] content) {
    this.id = id;
    this.content = content;
  }

  public String getId() {
    return id;
  }

  public String getXrayTraceId() {
    return "Root=1-legacy";
  }

  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:us-east-1:123456789012:function:legacy";
  }

  public long getDeadlineTimeInMs() {
    return 42L;
  }

  public String getClientContext() {
    return null;
  }

  public String getCognitoIdentity() {
    return null;
  }

  public InputStream getContentAsStream() {
    return new ByteArrayInputStream(content);
  }
}
