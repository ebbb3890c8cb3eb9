package com.amazonaws.services.lambda.runtime.api.client.runtimeapi.dto;

/** Test double with the 2.5+ layout: getContent() and, from 2.7, getTenantId(). */
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
    return "Root=1-dto";
  }

  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:us-east-1:123456789012:function:current";
  }

  public long getDeadlineTimeInMs() {
    return 7L;
  }

  public String getClientContext() {
    return "{\"custom\":{\"a\":\"b\"}}";
  }

  public String getCognitoIdentity() {
    return null;
  }

  public String getTenantId() {
    return "tenant-1";
  }

  public byte[] getContent() {
    return content;
  }
}
