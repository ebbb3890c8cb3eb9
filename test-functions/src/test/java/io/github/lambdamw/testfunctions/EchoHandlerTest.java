package io.github.lambdamw.testfunctions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class EchoHandlerTest {
  @Test
  void anyBytes_includingInvalidUtf8_comeBackIdentical() throws IOException {
    byte[] event = {'{', '"', 'a', '"', ':', (byte) 0xC3, (byte) 0x28, 0, (byte) 0xFF, '}'};
    ByteArrayOutputStream output = new ByteArrayOutputStream();

    new EchoHandler()
        .handleRequest(new ByteArrayInputStream(event), output, new StubContext("r-1"));

    assertThat(output.toByteArray()).isEqualTo(event);
  }
}
