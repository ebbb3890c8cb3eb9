package com.example.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.List;
import java.util.Map;

/** Prices an order: {"items":[{"sku":"A1","quantity":2,"unitPrice":350}]} gives {"total":700}. */
public class OrderHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> order, Context context) {
    long total = 0;
    Object items = order.get("items");
    if (items instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> line) {
          total += number(line.get("quantity")) * number(line.get("unitPrice"));
        }
      }
    }
    context.getLogger().log("priced order " + order.get("orderId") + ": " + total);
    return Map.of("orderId", String.valueOf(order.get("orderId")), "total", total);
  }

  private static long number(Object value) {
    return value instanceof Number n ? n.longValue() : 0;
  }
}
