package io.github.lambdamw.testfunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SmallHandlersTest {
  private final StubContext context = new StubContext("r-1");

  @Test
  void stringHandler_upperCasesItsInput() {
    assertThat(new StringHandler().handleRequest("hello", context)).isEqualTo("HELLO");
  }

  @Test
  void pojoHandler_greetsByName() {
    Greeting greeting = new Greeting();
    greeting.setName("Ada");

    assertThat(new PojoHandler().handleRequest(greeting, context).getMessage())
        .isEqualTo("Hello, Ada!");
  }

  @Test
  void mapHandler_returnsTheEventWithHandledByAdded() {
    assertThat(new MapHandler().handleRequest(Map.of("k", "v"), context))
        .containsExactly(Map.entry("k", "v"), Map.entry("handledBy", "MapHandler"));
  }

  @Test
  void throwingHandler_throwsWithTheInputInItsMessage() {
    assertThatThrownBy(() -> new ThrowingHandler().handleRequest("x", context))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("boom: x");
  }
}
