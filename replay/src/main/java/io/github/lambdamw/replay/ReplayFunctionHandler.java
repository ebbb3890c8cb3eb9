package io.github.lambdamw.replay;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.github.lambdamw.replay.internal.ReplayMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The replay as a Lambda function, for a schedule after the window or an on-demand invoke. Handler
 * string: {@code io.github.lambdamw.replay.ReplayFunctionHandler::handleRequest}.
 *
 * <p>Environment: {@code TABLE} (default {@value ReplaySettings#DEFAULT_TABLE}), {@code FUNCTION}
 * (required: the guarded function's name), {@code TARGET} (default: FUNCTION), {@code PARAMETER}
 * (default {@value ReplaySettings#DEFAULT_PARAMETER}), {@code SETTLE_SECONDS} (default 60).
 *
 * <p>The event may override, per run: {@code limit}, {@code rate}, {@code sync}, {@code dryRun},
 * {@code force}, {@code includeInFlight}, {@code from}, {@code to} (ISO-8601). An EventBridge
 * scheduled event carries none of them.
 *
 * <p>The answer: {@code {"status":"done|partial|refused", "replayed":…, "failed":…, "uncertain":…,
 * "skipped":…, "left":…, "stoppedEarly":…, "reason":…}}. A refusal is an answer, not an error (a
 * schedule that fires inside a window is normal); failed items make the status {@code partial}.
 * Each run that is not refused and not a dry run prints one embedded-metric record, {@code
 * MaintenanceWindow} {@code Replayed}, {@code ReplayFailed}, {@code ReplayUncertain}, {@code
 * ReplayLeft} by {@code FunctionName} (the guarded function). The run stops taking items when less
 * than 30 s of the function's time is left; the next run continues.
 */
public final class ReplayFunctionHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  /** Time kept back for the last invocation and the final count. */
  static final long STOP_BEFORE_TIMEOUT_MILLIS = 30_000;

  private final Map<String, String> env;
  private final ReplayClients clients;

  /**
   * The constructor Lambda calls: clients from the function's environment, built once per execution
   * environment.
   */
  public ReplayFunctionHandler() {
    this(System.getenv(), null);
  }

  ReplayFunctionHandler(Map<String, String> env, ReplayClients clients) {
    this.env = env;
    this.clients = clients;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    Map<String, Object> input = event == null ? Map.of() : event;
    ReplaySettings settings = settings(input);
    ReplayClients aws = clients != null ? clients : Lazy.fromEnvironment(settings.synchronous());
    Map<String, Object> answer = new LinkedHashMap<>();
    try {
      ReplaySummary summary =
          new Replayer(settings, aws.dynamo(), aws.lambda(), aws.ssm())
              .run(
                  outcome -> {
                    if (outcome.result() != ItemOutcome.Result.REPLAYED && context != null) {
                      // One line each: without its newline the run's metric record would share the
                      // last one's line.
                      context
                          .getLogger()
                          .log(
                              outcome.result()
                                  + " "
                                  + outcome.item().requestId()
                                  + ": "
                                  + outcome.detail()
                                  + "\n");
                    }
                  },
                  () ->
                      context == null
                          || context.getRemainingTimeInMillis() > STOP_BEFORE_TIMEOUT_MILLIS);
      if (!settings.dryRun()) {
        // One embedded-metric record per run, on the function's output: Lambda turns it into the
        // replay's metrics.
        System.out.println(
            ReplayMetrics.record(settings.functionName(), summary, System.currentTimeMillis()));
      }
      answer.put("status", summary.exitCode() == ExitCodes.OK ? "done" : "partial");
      answer.put("replayed", summary.replayed());
      answer.put("failed", summary.failed());
      answer.put("uncertain", summary.uncertain());
      answer.put("skipped", summary.skipped());
      answer.put("wouldReplay", summary.wouldReplay());
      answer.put("left", summary.left());
      answer.put("stoppedEarly", summary.stoppedEarly());
    } catch (ReplayRefusedException e) {
      answer.put("status", "refused");
      answer.put("reason", e.getMessage());
    }
    return answer;
  }

  ReplaySettings settings(Map<String, Object> input) {
    String function = env.get("FUNCTION");
    if (function == null || function.isBlank()) {
      throw new IllegalStateException(
          "environment variable FUNCTION (the guarded function's name) is not set");
    }
    return ReplaySettings.builder()
        .withTableName(env.getOrDefault("TABLE", ReplaySettings.DEFAULT_TABLE))
        .withFunctionName(function)
        .withTarget(env.get("TARGET"))
        .withParameterName(env.getOrDefault("PARAMETER", ReplaySettings.DEFAULT_PARAMETER))
        .withSettle(Duration.ofSeconds(Long.parseLong(env.getOrDefault("SETTLE_SECONDS", "60"))))
        .withLimit(number(input.get("limit")))
        .withRate(input.get("rate") == null ? 0 : Double.parseDouble(input.get("rate").toString()))
        .withSynchronous(flag(input.get("sync")))
        .withDryRun(flag(input.get("dryRun")))
        .withForce(flag(input.get("force")))
        .withIncludeInFlight(flag(input.get("includeInFlight")))
        .withFrom(instant(input.get("from")))
        .withTo(instant(input.get("to")))
        .build();
  }

  private static long number(Object value) {
    return value == null ? 0 : Long.parseLong(value.toString());
  }

  private static boolean flag(Object value) {
    return value != null && Boolean.parseBoolean(value.toString());
  }

  private static Instant instant(Object value) {
    return value == null ? null : Instant.parse(value.toString());
  }

  /** One set of clients per execution environment and invocation type, built at first use. */
  private static final class Lazy {
    private static ReplayClients async;
    private static ReplayClients sync;

    static synchronized ReplayClients fromEnvironment(boolean synchronous) {
      if (synchronous) {
        if (sync == null) {
          sync = ReplayClients.fromEnvironment(null, true);
        }
        return sync;
      }
      if (async == null) {
        async = ReplayClients.fromEnvironment(null, false);
      }
      return async;
    }
  }
}
