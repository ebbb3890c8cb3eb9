package io.github.lambdamw.agent.internal.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvocationRequestReaderTest {

  @Test
  void legacyLayout_isReadThroughItsContentStream() {
    byte[] payload = {0, (byte) 0xff, 'a'};
    var request =
        new com.amazonaws.services.lambda.runtime.api.client.runtimeapi.InvocationRequest(
            "id-1", payload);

    Invocation invocation = InvocationRequestReader.read(request);

    assertThat(invocation.requestId()).isEqualTo("id-1");
    assertThat(invocation.payload()).containsExactly(payload);
    assertThat(invocation.xrayTraceId()).isEqualTo("Root=1-legacy");
    assertThat(invocation.deadlineMs()).isEqualTo(42L);
    assertThat(invocation.tenantId()).isNull();
  }

  @Test
  void dtoLayout_isReadWithTenantAndClientContext() {
    var request =
        new com.amazonaws.services.lambda.runtime.api.client.runtimeapi.dto.InvocationRequest(
            "id-2", "{}".getBytes());

    Invocation invocation = InvocationRequestReader.read(request);

    assertThat(invocation.requestId()).isEqualTo("id-2");
    assertThat(invocation.payload()).containsExactly('{', '}');
    assertThat(invocation.tenantId()).isEqualTo("tenant-1");
    assertThat(invocation.clientContext()).isEqualTo("{\"custom\":{\"a\":\"b\"}}");
    assertThat(invocation.invokedFunctionArn()).endsWith(":function:current");
  }
}
