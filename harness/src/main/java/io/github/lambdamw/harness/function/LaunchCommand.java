package io.github.lambdamw.harness.function;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The java command line of the managed Java runtime (DESIGN.md §2, dumped from a java17 function),
 * minus what only exists inside Lambda: the Log4j hot-patch agent and the runtime's CDS archive
 * ({@code -Xshare:auto} instead of {@code -Xshare:on -XX:SharedArchiveFile=…}).
 */
final class LaunchCommand {

  private LaunchCommand() {}

  /**
   * @param wrapper the layer's exec wrapper, or null to start java directly
   */
  static List<String> of(
      JavaHome java,
      RuntimeClient ric,
      int memoryMb,
      List<String> extraJvmFlags,
      String handler,
      Path wrapper) {
    return of(
        java, ric, memoryMb, extraJvmFlags, handler, wrapper, RuntimeClient.MAIN_CLASS, List.of());
  }

  /**
   * @param mainClass the runtime's main class, normally {@link RuntimeClient#MAIN_CLASS}
   * @param extraClassPath appended to the RIC's class path (where another main class lives)
   */
  static List<String> of(
      JavaHome java,
      RuntimeClient ric,
      int memoryMb,
      List<String> extraJvmFlags,
      String handler,
      Path wrapper,
      String mainClass,
      List<Path> extraClassPath) {
    List<String> command = new ArrayList<>();
    if (wrapper != null) {
      // Lambda's bootstrap runs "$AWS_LAMBDA_EXEC_WRAPPER" followed by the whole java command line.
      command.add(wrapper.toString());
    }
    command.add(java.javaExecutable().toString());
    command.add("-XX:MaxHeapSize=" + maxHeapKb(memoryMb) + "k");
    command.add("-XX:+UseSerialGC");
    command.add("-Xshare:auto");
    command.add("-XX:+TieredCompilation");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("--add-opens=java.base/java.io=ALL-UNNAMED");
    command.add("-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac");
    command.add("-Djava.net.preferIPv4Stack=true");
    command.add("-XX:+ErrorFileToStderr");
    if (java.featureVersion() >= 24) {
      // JDK 24+ warns on System.load from the unnamed module (JEP 472) unless native access is
      // granted.
      command.add("--enable-native-access=ALL-UNNAMED");
    }
    command.add("-D" + RuntimeClient.JNI_PROPERTY + "=" + ric.jniLibrary());
    command.addAll(extraJvmFlags);
    command.add("-classpath");
    command.add(
        Stream.concat(ric.classPath().stream(), extraClassPath.stream())
            .map(Path::toString)
            .collect(Collectors.joining(File.pathSeparator)));
    command.add(mainClass);
    command.add(handler);
    return command;
  }

  /** 85 % of the function's memory, as the managed runtime sets it (1024 MB gives 891289k). */
  static long maxHeapKb(int memoryMb) {
    return memoryMb * 1024L * 85 / 100;
  }
}
