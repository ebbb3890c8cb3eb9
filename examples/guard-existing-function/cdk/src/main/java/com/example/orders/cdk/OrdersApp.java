package com.example.orders.cdk;

import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;

/** The app cdk.json runs: the orders function guarded with guard(fn), the nightly jobs guarded by the aspect. */
public final class OrdersApp {

  private OrdersApp() {}

  public static void main(String[] args) {
    App app = new App();
    new OrdersStack(app, "Orders", StackProps.builder().build());
    new NightlyJobsStack(app, "NightlyJobs", StackProps.builder().build());
    app.synth();
  }
}
