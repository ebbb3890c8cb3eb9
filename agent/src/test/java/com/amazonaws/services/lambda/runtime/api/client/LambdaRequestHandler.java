package com.amazonaws.services.lambda.runtime.api.client;

import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.dto.InvocationRequest;
import java.io.ByteArrayOutputStream;

/**
 * Test double with the shape of the runtime interface client's dispatch interface (2.5+ layout).
 */
public interface LambdaRequestHandler {
  ByteArrayOutputStream call(InvocationRequest request) throws Exception;
}
