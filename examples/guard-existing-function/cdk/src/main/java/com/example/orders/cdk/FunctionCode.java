package com.example.orders.cdk;

import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awscdk.services.lambda.Code;

/** The function jar the orders-function module builds, relative to this module (where cdk.json runs the app). */
final class FunctionCode {

  static final Path JAR = Path.of("../orders-function/target/orders-function.jar");

  private FunctionCode() {}

  static Code jar() {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(JAR.toAbsolutePath().normalize() + " is missing: run `mvn package` first");
    }
    return Code.fromAsset(JAR.toString());
  }
}
