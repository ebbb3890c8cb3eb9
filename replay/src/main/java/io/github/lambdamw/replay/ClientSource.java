package io.github.lambdamw.replay;

/** Opens the SDK clients a command uses; tests substitute clients pointed at local stand-ins. */
@FunctionalInterface
interface ClientSource {
  ClientSource ENVIRONMENT = ReplayClients::from;

  ReplayClients open(AwsOptions aws, boolean synchronous);
}
