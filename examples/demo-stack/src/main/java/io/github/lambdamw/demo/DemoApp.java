package io.github.lambdamw.demo;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Validations;

/**
 * The CDK app {@code cdk.json} runs: the demo stack {@value #STACK_NAME}, checked by cdk-nag's
 * AwsSolutions pack (an unacknowledged finding fails the synth).
 */
public final class DemoApp {

  /** The demo stack's name and construct id. */
  public static final String STACK_NAME = "MaintenanceWindowDemo";

  private DemoApp() {}

  /** Builds the app; {@code app.synth()} is left to the caller. */
  public static App build(App app) {
    new MaintenanceWindowDemoStack(
        app,
        STACK_NAME,
        StackProps.builder()
            .description(
                "Maintenance windows for AWS Lambda Java functions: demo with a cron-driven sample")
            .build());
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    return app;
  }

  /** Synthesizes the app into the cloud assembly the CDK CLI asked for. */
  public static void main(String[] args) {
    build(new App()).synth();
  }
}
