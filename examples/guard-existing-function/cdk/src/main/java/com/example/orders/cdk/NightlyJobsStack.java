package com.example.orders.cdk;

import io.github.lambdamw.infra.MaintenanceWindow;
import io.github.lambdamw.infra.MaintenanceWindowAspect;
import io.github.lambdamw.infra.MaintenanceWindowProps;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.constructs.Construct;

/**
 * A stack of several functions, guarded all at once: the aspect guards every java17/21/25 function in the stack
 * (and leaves the Node.js one alone, with a synth warning).
 */
public class NightlyJobsStack extends Stack {

  public NightlyJobsStack(Construct scope, String id, StackProps props) {
    super(scope, id, props);

    Function.Builder.create(this, "NightlyReport")
        .runtime(Runtime.JAVA_17)
        .handler("com.example.orders.NightlyReportHandler::handleRequest")
        .code(FunctionCode.jar())
        .memorySize(512)
        .timeout(Duration.minutes(5))
        .build();
    Function.Builder.create(this, "RepriceOpenOrders")
        .runtime(Runtime.JAVA_25)
        .handler("com.example.orders.OrderHandler::handleRequest")
        .code(FunctionCode.jar())
        .memorySize(512)
        .timeout(Duration.minutes(1))
        .build();
    Function.Builder.create(this, "Heartbeat")
        .runtime(Runtime.NODEJS_22_X)
        .handler("index.handler")
        .code(Code.fromInline("exports.handler = async () => 'ok';"))
        .build();

    MaintenanceWindow window =
        new MaintenanceWindow(
            this,
            "MaintenanceWindow",
            MaintenanceWindowProps.builder().parameterName("nightly-jobs-maintenance-window").build());
    Aspects.of(this).add(new MaintenanceWindowAspect(window));
  }
}
