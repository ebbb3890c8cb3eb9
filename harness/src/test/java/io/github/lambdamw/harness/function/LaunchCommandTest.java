package io.github.lambdamw.harness.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The java command line and the RIC lookup, without starting a process. */
class LaunchCommandTest {

  @Test
  void theHeap_is85PercentOfTheMemory_likeTheManagedRuntime() {
    assertThat(LaunchCommand.maxHeapKb(1024)).isEqualTo(891289);
  }

  @Test
  void jdk17_getsLambdasFlags_theRic_andTheHandler_inTheManagedRuntimesOrder() {
    RuntimeClient ric = RuntimeClients.locate(RuntimeClients.LEGACY);

    List<String> command =
        LaunchCommand.of(JavaHome.of(JavaHome.OPENJDK_17), ric, 1024, List.of(), "a.B::c", null);

    assertThat(command)
        .startsWith(JavaHome.OPENJDK_17.resolve("bin/java").toString(), "-XX:MaxHeapSize=891289k")
        .contains(
            "-XX:+UseSerialGC",
            "-Xshare:auto",
            "-XX:+TieredCompilation",
            "-XX:TieredStopAtLevel=1",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "-Djava.net.preferIPv4Stack=true",
            "-XX:+ErrorFileToStderr",
            "-D" + RuntimeClient.JNI_PROPERTY + "=" + ric.jniLibrary())
        .doesNotContain("--enable-native-access=ALL-UNNAMED")
        .endsWith(RuntimeClient.MAIN_CLASS, "a.B::c");
    assertThat(command.get(command.indexOf("-classpath") + 1))
        .contains("aws-lambda-java-runtime-interface-client-" + RuntimeClients.LEGACY + ".jar")
        .contains("aws-lambda-java-core-")
        .contains("aws-lambda-java-serialization-");
  }

  @Test
  void jdk25_alsoGrantsNativeAccess_andAWrapperComesFirst() {
    Path wrapper = Path.of("/opt/maintenance-window/wrapper");

    List<String> command =
        LaunchCommand.of(
            JavaHome.of(JavaHome.TEMURIN_25),
            RuntimeClients.locate(RuntimeClients.CURRENT),
            512,
            List.of(),
            "a.B",
            wrapper);

    assertThat(command.get(0)).isEqualTo(wrapper.toString());
    assertThat(command.get(1)).isEqualTo(JavaHome.TEMURIN_25.resolve("bin/java").toString());
    assertThat(command).contains("--enable-native-access=ALL-UNNAMED");
  }

  @Test
  void anUnpreparedRicVersion_failsWithAClearMessage() {
    assertThatThrownBy(() -> RuntimeClients.locate("2.0.99"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("RIC 2.0.99 was not prepared")
        .hasMessageContaining("harness/pom.xml")
        .hasMessageContaining(RuntimeClients.CURRENT);
  }
}
