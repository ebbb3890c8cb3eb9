package io.github.lambdamw.harness.function;

import java.nio.file.Path;
import java.util.List;

/**
 * One prepared release of the runtime interface client.
 *
 * @param version the RIC version, e.g. {@code 2.10.1}
 * @param classPath the RIC jar and its runtime dependencies, in the order the managed runtime lists
 *     them (by file name)
 * @param jniLibrary the RIC's native library for this machine, unpacked from its jar; passed to the
 *     JVM the way the managed runtime does, so parallel runtimes never race on {@code
 *     /tmp/.libaws-lambda-jni.so}
 */
public record RuntimeClient(String version, List<Path> classPath, Path jniLibrary) {

  /** The main class the managed runtime starts. */
  public static final String MAIN_CLASS =
      "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

  /** The system property by which the RIC finds its native library. */
  public static final String JNI_PROPERTY =
      "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

  public RuntimeClient {
    classPath = List.copyOf(classPath);
  }
}
