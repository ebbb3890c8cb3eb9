package io.github.lambdamw.testfunctions;

/** PojoHandler's answer: a JavaBean the runtime serializes as {"message":"…"}. */
public class Reply {
  private String message;

  public Reply() {}

  public Reply(String message) {
    this.message = message;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
