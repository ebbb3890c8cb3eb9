package io.github.lambdamw.testfunctions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LibraryVersionsHandlerTest {
  @Test
  void reportsTheVersionsThisModuleBundles_notTheAgents() throws IOException {
    ByteArrayOutputStream output = new ByteArrayOutputStream();

    new LibraryVersionsHandler()
        .handleRequest(new ByteArrayInputStream(new byte[0]), output, new StubContext("r-1"));

    Map<String, String> versions =
        new ObjectMapper().readValue(output.toByteArray(), new TypeReference<>() {});
    assertThat(versions)
        .containsEntry("jackson", "2.15.4")
        .containsEntry("byteBuddy", "1.14.19")
        .containsEntry("awsSdkCore", "2.25.70")
        .containsKeys("jacksonLoader", "byteBuddyLoader");
  }
}
