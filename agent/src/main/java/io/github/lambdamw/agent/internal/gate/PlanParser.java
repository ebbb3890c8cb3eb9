package io.github.lambdamw.agent.internal.gate;

import io.github.lambdamw.window.WindowFormatException;
import io.github.lambdamw.window.WindowPlan;

/**
 * Turns the source's text into a plan: {@link WindowPlan#parse} in production. Tests give plans
 * whose status computation fails, which no value the parser accepts should produce, to prove that
 * the cache survives one anyway.
 */
interface PlanParser {
  WindowPlan parse(String value) throws WindowFormatException;
}
