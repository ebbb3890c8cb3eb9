package io.github.lambdamw.replay;

/** Opens the SDK clients a command uses; tests substitute clients pointed at local stand-ins. */
@FunctionalInterface
interface ClientSource {
  ClientSource ENVIRONMENT = ReplayClients::fromEnvironment;

  ReplayClients open(String region, boolean synchronous);
}
