package io.github.lambdamw.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** POJO in, POJO out: the runtime's own serialization on both sides. */
public final class PojoHandler implements RequestHandler<Greeting, Reply> {
  @Override
  public Reply handleRequest(Greeting greeting, Context context) {
    String name = greeting == null || greeting.getName() == null ? "nobody" : greeting.getName();
    return new Reply("Hello, " + name + "!");
  }
}
