package io.github.lambdamw.testfunctions;

/** PojoHandler's event: a JavaBean, as the runtime's serializer expects ({"name":"…"}). */
public class Greeting {
  private String name;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
