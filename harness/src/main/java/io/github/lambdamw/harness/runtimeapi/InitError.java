package io.github.lambdamw.harness.runtimeapi;

/**
 * What a runtime posted to {@code /runtime/init/error}.
 *
 * @param errorType the {@code Lambda-Runtime-Function-Error-Type} header, or null when absent
 * @param body the error document as posted
 */
public record InitError(String errorType, byte[] body) {}
