package io.github.lambdamw.agent.internal;

import io.github.lambdamw.agent.internal.aws.AwsEnvironment;
import java.util.Locale;
import java.util.Map;

/**
 * Every setting of the agent, read once from the environment at INIT. Names, defaults and meaning
 * are documented in README.md ("Configuration"); keep the two in step.
 */
public final class AgentConfig {
  public static final String PARAMETER = "MAINTENANCE_WINDOW_PARAMETER";
  public static final String TABLE = "MAINTENANCE_WINDOW_TABLE";
  public static final String REFRESH_SECONDS = "MAINTENANCE_WINDOW_REFRESH_SECONDS";
  public static final String ON_READ_ERROR = "MAINTENANCE_WINDOW_ON_READ_ERROR";
  public static final String RETENTION_DAYS = "MAINTENANCE_WINDOW_RETENTION_DAYS";
  public static final String DISABLED = "MAINTENANCE_WINDOW_DISABLED";
  public static final String REQUIRE_GUARD = "MAINTENANCE_WINDOW_REQUIRE_GUARD";
  public static final String SSM_TIMEOUT_MILLIS = "MAINTENANCE_WINDOW_SSM_TIMEOUT_MILLIS";

  /**
   * While no window value has been read and SSM throttles (or answers 429/5xx, or times out): how
   * long the read started at INIT, or after a SnapStart restore, keeps retrying with back-off
   * before the configured fail mode applies to it. Below Lambda's 10 s limit for INIT and for
   * restore hooks.
   */
  public static final String INIT_READ_BUDGET_MILLIS = "MAINTENANCE_WINDOW_INIT_READ_BUDGET_MILLIS";

  /**
   * The same for an invocation: how long it waits for the answer (the read in progress, then its
   * own retries), and never more than half the time left before its deadline. Only then does the
   * fail mode apply to it.
   */
  public static final String INVOKE_READ_BUDGET_MILLIS =
      "MAINTENANCE_WINDOW_INVOKE_READ_BUDGET_MILLIS";

  /**
   * For benchmarks: ignore the classes prepared at build time and instrument with Byte Buddy at run
   * time.
   */
  public static final String RUNTIME_INSTRUMENTATION = "MAINTENANCE_WINDOW_RUNTIME_INSTRUMENTATION";

  /**
   * For benchmarks: {@code false} leaves the JVM's default TLS context to the first https call
   * instead of making it ahead on a thread of its own ({@code DefaultTlsAhead}), so that the
   * difference can be measured.
   */
  public static final String TLS_AHEAD = "MAINTENANCE_WINDOW_TLS_AHEAD";

  /**
   * What callers get while a window is open: {@code default} (a JSON body saying the event was
   * deferred), {@code error} (the invocation fails with {@code MaintenanceWindowOpenException}) or
   * a JSON template with {@code ${requestId}}, {@code ${windowEnd}}, {@code ${reason}}, {@code
   * ${retryAfterSeconds}}. The event is stored in every case. Checked once at INIT by {@code
   * DeferredAnswer.from}; see docs/window-format.md.
   */
  public static final String ANSWER = "MAINTENANCE_WINDOW_ANSWER";

  /**
   * {@code enforce} (default): open windows defer invocations. {@code observe}: every window of
   * this function is a rehearsal, as if written with {@code "mode":"observe"}: the handler runs and
   * each invocation that would have been deferred is logged and counted ({@code
   * WouldDeferInvocations}).
   */
  public static final String MODE = "MAINTENANCE_WINDOW_MODE";

  static final String DEFAULT_PARAMETER = "maintenance-window";
  static final String DEFAULT_TABLE = "maintenance-window-deferred";
  static final long DEFAULT_REFRESH_SECONDS = 60;
  static final long DEFAULT_SSM_TIMEOUT_MILLIS = 2_000;
  static final String DEFAULT_ANSWER = "default";
  public static final long DEFAULT_INIT_READ_BUDGET_MILLIS = 5_000;
  public static final long DEFAULT_INVOKE_READ_BUDGET_MILLIS = 60_000;

  /** What to do while no window value has ever been read successfully. */
  public enum ReadErrorMode {
    /** Run the handler, as if no window were open (fail open). */
    RUN_HANDLER,
    /** Defer every invocation, as if a window were open (fail closed). */
    DEFER
  }

  private final String parameterName;
  private final String tableName;
  private final long refreshMillis;
  private final ReadErrorMode readErrorMode;
  private final long retentionDays;
  private final boolean disabled;
  private final boolean requireGuard;
  private final boolean runtimeInstrumentation;
  private final boolean tlsAhead;
  private final long ssmTimeoutMillis;
  private final long initReadBudgetMillis;
  private final long invokeReadBudgetMillis;
  private final String functionName;
  private final String answer;
  private final boolean observeOnly;

  private AgentConfig(Map<String, String> env) {
    this.parameterName = text(env, PARAMETER, DEFAULT_PARAMETER);
    this.tableName = text(env, TABLE, DEFAULT_TABLE);
    this.refreshMillis = number(env, REFRESH_SECONDS, DEFAULT_REFRESH_SECONDS, 0) * 1000;
    this.readErrorMode = readErrorMode(env);
    this.retentionDays = number(env, RETENTION_DAYS, 0, 0);
    this.disabled = flag(env, DISABLED);
    this.requireGuard = flag(env, REQUIRE_GUARD);
    this.runtimeInstrumentation = flag(env, RUNTIME_INSTRUMENTATION);
    this.tlsAhead = !"false".equalsIgnoreCase(text(env, TLS_AHEAD, "true"));
    this.ssmTimeoutMillis = number(env, SSM_TIMEOUT_MILLIS, DEFAULT_SSM_TIMEOUT_MILLIS, 1);
    this.initReadBudgetMillis =
        number(env, INIT_READ_BUDGET_MILLIS, DEFAULT_INIT_READ_BUDGET_MILLIS, 0);
    this.invokeReadBudgetMillis =
        number(env, INVOKE_READ_BUDGET_MILLIS, DEFAULT_INVOKE_READ_BUDGET_MILLIS, 0);
    this.functionName = text(env, "AWS_LAMBDA_FUNCTION_NAME", "unknown-function");
    this.answer = text(env, ANSWER, DEFAULT_ANSWER);
    this.observeOnly = observeOnly(env);
    if (!disabled) {
      reportEndpointProblems(env);
    }
  }

  /**
   * Reads the configuration. A malformed setting never stops the function: it is logged once and
   * its default used, because a typo in an environment variable must not take production down.
   */
  public static AgentConfig from(Map<String, String> env) {
    return new AgentConfig(env);
  }

  public String parameterName() {
    return parameterName;
  }

  public String tableName() {
    return tableName;
  }

  public long refreshMillis() {
    return refreshMillis;
  }

  public ReadErrorMode readErrorMode() {
    return readErrorMode;
  }

  public long retentionDays() {
    return retentionDays;
  }

  public boolean disabled() {
    return disabled;
  }

  public boolean requireGuard() {
    return requireGuard;
  }

  public boolean runtimeInstrumentation() {
    return runtimeInstrumentation;
  }

  public boolean tlsAhead() {
    return tlsAhead;
  }

  public long ssmTimeoutMillis() {
    return ssmTimeoutMillis;
  }

  public long initReadBudgetMillis() {
    return initReadBudgetMillis;
  }

  public long invokeReadBudgetMillis() {
    return invokeReadBudgetMillis;
  }

  public String functionName() {
    return functionName;
  }

  /** The {@link #ANSWER} setting as written; {@code DeferredAnswer.from} checks it. */
  public String answer() {
    return answer;
  }

  /**
   * {@code true} when {@link #MODE} is {@code observe}: nothing is deferred, only logged and
   * counted.
   */
  public boolean observeOnly() {
    return observeOnly;
  }

  private static boolean observeOnly(Map<String, String> env) {
    String value = text(env, MODE, "enforce").toLowerCase(Locale.ROOT);
    if (!value.equals("enforce") && !value.equals("observe")) {
      // Enforce, not observe: a typo must not silently turn a real window into a rehearsal.
      AgentLog.warn(MODE + "='" + value + "' is not one of enforce, observe; using enforce");
      return false;
    }
    return value.equals("observe");
  }

  private static String text(Map<String, String> env, String name, String fallback) {
    String value = env.get(name);
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  private static boolean flag(Map<String, String> env, String name) {
    return "true".equalsIgnoreCase(text(env, name, "false"));
  }

  private static long number(Map<String, String> env, String name, long fallback, long minimum) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      long parsed = Long.parseLong(value.strip());
      if (parsed >= minimum) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    AgentLog.warn(
        name
            + "='"
            + value
            + "' is not a whole number >= "
            + minimum
            + "; using the default "
            + fallback);
    return fallback;
  }

  /**
   * A malformed {@code AWS_ENDPOINT_URL_SSM}, {@code AWS_ENDPOINT_URL_DYNAMODB} or {@code
   * AWS_ENDPOINT_URL} cannot be replaced by a default (the operator pointed the agent somewhere on
   * purpose): it is reported here, once, and each call fails naming it, a window read as unreadable
   * and a deferral with MaintenanceWindowDeferralException.
   */
  private static void reportEndpointProblems(Map<String, String> env) {
    AwsEnvironment aws = new AwsEnvironment(env);
    String ssm = aws.endpointProblem("ssm");
    if (ssm != null) {
      AgentLog.error(
          ssm + "; the window cannot be read until it is fixed (" + ON_READ_ERROR + " applies)");
    }
    String dynamoDb = aws.endpointProblem("dynamodb");
    if (dynamoDb != null) {
      AgentLog.error(
          dynamoDb
              + "; invocations during a window will fail with MaintenanceWindowDeferralException"
              + " until it is fixed");
    }
  }

  private static ReadErrorMode readErrorMode(Map<String, String> env) {
    String value = text(env, ON_READ_ERROR, "run-handler").toLowerCase(Locale.ROOT);
    switch (value) {
      case "run-handler":
        return ReadErrorMode.RUN_HANDLER;
      case "defer":
        return ReadErrorMode.DEFER;
      default:
        AgentLog.warn(
            ON_READ_ERROR + "='" + value + "' is not one of run-handler, defer; using run-handler");
        return ReadErrorMode.RUN_HANDLER;
    }
  }
}
