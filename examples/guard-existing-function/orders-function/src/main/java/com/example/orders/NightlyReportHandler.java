package com.example.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** A nightly job of the same team: writes a line to its log and answers how it went. */
public class NightlyReportHandler implements RequestHandler<Map<String, Object>, String> {

  @Override
  public String handleRequest(Map<String, Object> event, Context context) {
    context.getLogger().log("nightly report for " + event.getOrDefault("time", "now"));
    return "report done";
  }
}
