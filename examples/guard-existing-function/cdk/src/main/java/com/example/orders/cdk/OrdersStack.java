package com.example.orders.cdk;

import io.github.lambdamw.infra.MaintenanceWindow;
import io.github.lambdamw.infra.MaintenanceWindowProps;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.constructs.Construct;

/** The existing orders function, as the team already deploys it, plus the three lines that guard it. */
public class OrdersStack extends Stack {

  public OrdersStack(Construct scope, String id, StackProps props) {
    super(scope, id, props);

    Function orders =
        Function.Builder.create(this, "PriceOrder")
            .runtime(Runtime.JAVA_21)
            .handler("com.example.orders.OrderHandler::handleRequest")
            .code(FunctionCode.jar())
            .memorySize(512)
            .timeout(Duration.seconds(30))
            .build();

    // The maintenance window: the layer and the replay come from the lambda-mw-cdk dependency, no paths.
    MaintenanceWindow window =
        new MaintenanceWindow(
            this,
            "MaintenanceWindow",
            MaintenanceWindowProps.builder().parameterName("orders-maintenance-window").build());
    window.guard(orders);

    CfnOutput.Builder.create(this, "FunctionName").value(orders.getFunctionName()).build();
    CfnOutput.Builder.create(this, "ParameterName").value(window.getParameter().getParameterName()).build();
    CfnOutput.Builder.create(this, "TableName").value(window.getTable().getTableName()).build();
  }
}
