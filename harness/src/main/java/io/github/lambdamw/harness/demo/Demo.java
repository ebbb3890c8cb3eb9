package io.github.lambdamw.harness.demo;

import io.github.lambdamw.harness.Harness;
import io.github.lambdamw.harness.dynamodb.DeferralTable;
import io.github.lambdamw.harness.function.BuiltArtifacts;
import io.github.lambdamw.harness.function.JavaHome;
import io.github.lambdamw.harness.function.LambdaFunction;
import io.github.lambdamw.harness.function.RuntimeClients;
import io.github.lambdamw.harness.runtimeapi.InvokeResult;
import io.github.lambdamw.harness.runtimeapi.LocalLambda;
import io.github.lambdamw.replay.ItemOutcome;
import io.github.lambdamw.replay.ReplayClients;
import io.github.lambdamw.replay.ReplayListener;
import io.github.lambdamw.replay.ReplaySettings;
import io.github.lambdamw.replay.ReplaySummary;
import io.github.lambdamw.replay.Replayer;
import io.github.lambdamw.window.WindowFormatException;
import io.github.lambdamw.window.WindowPlan;
import io.github.lambdamw.windowtext.Timeline;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * The first thing to run after cloning ({@code ./demo} at the repository root): the sample
 * scheduled job under the real runtime interface client, started through the layer's wrapper with
 * the agent, against local stand-ins for SSM, DynamoDB and Lambda, driven with the real SDK
 * clients. Five steps: with no window the handler runs; while a window in observe mode is open the
 * handler still runs and the function logs what it would have deferred, storing nothing; while the
 * window is enforced its events are stored instead; after the window the replay runs them with
 * their original payloads; last, a recurring window is planned and shown as the timeline {@code mw
 * window status} prints.
 *
 * <p>Exit code 0 when every step did what it shows, 1 otherwise, with the reason on stderr.
 */
public final class Demo {

  /** How many events of the schedule arrive while the window is open. */
  static final int EVENTS_IN_WINDOW = 3;

  private static final String FUNCTION = "sample-job";

  private static final String RULE = "sample-job-schedule";
  private static final String PARAMETER = ReplaySettings.DEFAULT_PARAMETER;
  private static final String TABLE = DeferralTable.DEFAULT_NAME;
  private static final String REASON = "database upgrade (demo)";
  private static final String REHEARSAL_REASON = "rehearsal of the upgrade (demo)";
  private static final String WOULD_DEFER_METRIC = "WouldDeferInvocations";
  private static final String RECURRING_REASON = "weeknight batch maintenance (demo)";

  /** Weeknights from 02:00 to 04:00 in Paris: five openings in any week, in the window's zone. */
  static final String RECURRING =
      "{\"windows\":[{\"schedule\":\"cron(0 2 ? * MON-FRI *)\",\"duration\":\"PT2H\","
          + "\"timezone\":\"Europe/Paris\",\"reason\":\""
          + RECURRING_REASON
          + "\"}]}";

  /** As many days as {@code mw window status} shows by default. */
  static final int TIMELINE_DAYS = 7;

  private static final String NO_WINDOW = "{\"windows\":[]}";

  /** The function's MAINTENANCE_WINDOW_REFRESH_SECONDS here; the agent's default is 60. */
  private static final int REFRESH_SECONDS = 1;

  /** Just over the refresh interval: the function's cached window value is then due a re-read. */
  private static final Duration PICK_UP_WAIT = Duration.ofMillis(REFRESH_SECONDS * 1000L + 200);

  private static final Duration FUNCTION_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration START_WAIT = Duration.ofSeconds(60);
  private static final Duration LOG_WAIT = Duration.ofSeconds(10);

  private final Screen screen;
  private final ReplayClients aws;
  private final LocalLambda lambda;
  private final LambdaFunction function;
  private final Instant schedule = Instant.now().truncatedTo(ChronoUnit.MINUTES);

  private Demo(Screen screen, ReplayClients aws, LocalLambda lambda, LambdaFunction function) {
    this.screen = screen;
    this.aws = aws;
    this.lambda = lambda;
    this.function = function;
  }

  public static void main(String[] args) {
    long started = System.nanoTime();
    int code;
    try {
      run(System.out);
      System.out.printf(
          Locale.ROOT,
          "%nDone in %.1f s: the handler ran, the rehearsal stored nothing, the window deferred its"
              + " events, the replay ran them, the timeline shows what is coming.%n",
          (System.nanoTime() - started) / 1e9);
      code = 0;
    } catch (RuntimeException e) {
      System.out.flush();
      System.err.println();
      System.err.println("The demo FAILED: " + describe(e));
      code = 1;
    }
    System.exit(code);
  }

  /** Runs the demo, printing to {@code out}; throws when a step did not do what it shows. */
  static DemoReport run(PrintStream out) {
    Screen screen = new Screen(out);
    JavaHome java = JavaHome.current();
    Path layer = BuiltArtifacts.layerDir();
    Path functionJar = BuiltArtifacts.sampleFunctionJar();
    Path logFile = layer.resolveSibling("demo").resolve("function.log");

    screen.title("Maintenance windows for AWS Lambda: a local demo");
    try (Harness harness = Harness.start()) {
      LocalLambda lambda = harness.lambda(FUNCTION, FUNCTION_TIMEOUT);
      ReplayClients aws = harness.track(LocalClients.of(harness, lambda));
      DeferralTable.create(aws.dynamo(), TABLE);
      // Written before the function starts, so that the agent reads a window at INIT.
      String noWindow = putWindow(aws, NO_WINDOW);
      screen.line(
          "AWS",
          "local stand-ins: SSM "
              + harness.ssm().endpoint()
              + ", DynamoDB (dynoxide) "
              + harness.dynamoDb().endpoint()
              + ", Lambda "
              + lambda.endpoint());
      screen.line("function", FUNCTION + " = " + BuiltArtifacts.SAMPLE_HANDLER);
      screen.line(
          "runtime",
          "runtime interface client "
              + RuntimeClients.CURRENT
              + " through the layer's "
              + LambdaFunction.LAYER_WRAPPER
              + " (with the agent)");
      screen.line(
          "Java", java.path() + " (Java " + java.featureVersion() + "): the JDK running this demo");
      screen.line(
          "setting",
          "MAINTENANCE_WINDOW_REFRESH_SECONDS="
              + REFRESH_SECONDS
              + " (default 60): the function re-reads the window at most every second");

      long starting = System.nanoTime();
      LambdaFunction function =
          harness.track(
              harness
                  .function(lambda)
                  .withJavaHome(java.path())
                  .withHandler(BuiltArtifacts.SAMPLE_HANDLER)
                  .withFunctionJar(functionJar)
                  .withLayer(layer)
                  .withLogFile(logFile)
                  .withEnv("MAINTENANCE_WINDOW_PARAMETER", PARAMETER)
                  .withEnv("MAINTENANCE_WINDOW_TABLE", TABLE)
                  .withEnv("MAINTENANCE_WINDOW_REFRESH_SECONDS", Integer.toString(REFRESH_SECONDS))
                  .start());
      function.awaitReady(START_WAIT);
      screen.line(
          "started",
          String.format(
              Locale.ROOT,
              "ready for events after %.1f s; its log: %s",
              (System.nanoTime() - starting) / 1e9,
              logFile));
      try {
        return new Demo(screen, aws, lambda, function).steps(noWindow);
      } finally {
        screen.release();
      }
    }
  }

  private DemoReport steps(String noWindow) {
    String closedAnswer = noWindow(noWindow);
    Rehearsed rehearsed = rehearsal();
    Deferred deferred = windowOpen();
    Replayed replayed = windowClosedAndReplayed(deferred.opened);
    String timeline = timelineAhead();
    return new DemoReport(
        closedAnswer,
        rehearsed.closedLog,
        rehearsed.answer,
        rehearsed.wouldDeferLine,
        rehearsed.wouldDeferMetric,
        rehearsed.stored,
        deferred.sent,
        deferred.answers,
        deferred.stored,
        deferred.handlerRuns - 2,
        replayed.summary,
        replayed.answers,
        replayed.left,
        timeline);
  }

  /** Step 1: no window, the handler runs. Its log line is shown in step 2 (see FunctionLog). */
  private String noWindow(String parameter) {
    screen.step(1, "No window: the scheduled job runs");
    screen.line("SSM", parameter + ", written before the function started");
    byte[] event = ScheduledEvents.firing(RULE, schedule);
    screen.line("invoke", FUNCTION + " with the event of its schedule: " + text(event));
    String answer = invoke(event);
    screen.line("answer", answer);
    if (answer.contains("\"deferred\"") || !answer.contains("scheduled job ran")) {
      throw new DemoFailure("with no window the handler should have run; the answer was " + answer);
    }
    return answer;
  }

  private record Rehearsed(
      String closedLog,
      String answer,
      String wouldDeferLine,
      String wouldDeferMetric,
      int stored) {}

  /**
   * Step 2: a rehearsal, the window written in observe mode: the handler runs, the function logs
   * what it would have deferred, nothing is stored.
   */
  private Rehearsed rehearsal() {
    // Step 1's log line is complete only once the function writes its next line, in this step.
    screen.hold();
    screen.step(2, "A rehearsal first: the window in observe mode, the handler still runs");
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    putWindow(
        "{\"windows\":[{\"start\":\""
            + start
            + "\",\"reason\":\""
            + REHEARSAL_REASON
            + "\",\"mode\":\"observe\"}]}");
    pause("for the function to pick the window up");
    byte[] event = ScheduledEvents.firing(RULE, schedule.plus(Duration.ofMinutes(1)));
    screen.line("invoke", FUNCTION + " with the next event of its schedule");
    String answer = invoke(event);
    screen.line("answer", answer);
    if (answer.contains("\"deferred\"") || !answer.contains("scheduled job ran")) {
      throw new DemoFailure(
          "in observe mode the handler should have run; the answer was " + answer);
    }
    String closedLog = awaitRecord(FunctionLog.HANDLER, 1);
    screen.lineNow("its log", closedLog);
    screen.release();
    screen.line("its log", awaitRecord(FunctionLog.WINDOW_CHANGED, 1));
    String wouldDefer = awaitRecord(FunctionLog.WOULD_DEFER, 1);
    screen.line("", wouldDefer);
    String metric = awaitRecord(FunctionLog.METRICS, "\"" + WOULD_DEFER_METRIC + "\"", 1);
    screen.line("", metric);
    int stored = StoredInvocations.read(aws.dynamo(), TABLE, FUNCTION).size();
    screen.line("table", TABLE + ": " + stored + " items: observe mode stores nothing");
    if (stored != 0) {
      throw new DemoFailure("observe mode should store nothing; the table holds " + stored);
    }
    return new Rehearsed(closedLog, answer, wouldDefer, metric, stored);
  }

  private record Deferred(
      Instant opened,
      List<String> sent,
      List<String> answers,
      List<StoredInvocation> stored,
      int handlerRuns) {}

  /** Step 2: a window opens, the function stores its events instead of running the handler. */
  private Deferred windowOpen() {
    screen.step(
        3, "The operator opens the window for real: the function stores its events instead");
    Instant opened = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    putWindow("{\"windows\":[{\"start\":\"" + opened + "\",\"reason\":\"" + REASON + "\"}]}");
    pause("for the function to pick the window up");
    screen.line(
        "invoke",
        EVENTS_IN_WINDOW
            + " events of the schedule (rate(1 minute), back to back; EventBridge would invoke"
            + " asynchronously, here synchronously to show the answers)");
    List<String> sent = new ArrayList<>();
    List<String> answers = new ArrayList<>();
    for (int i = 1; i <= EVENTS_IN_WINDOW; i++) {
      byte[] event = ScheduledEvents.firing(RULE, windowEvent(i));
      sent.add(text(event));
      String answer = invoke(event);
      answers.add(answer);
      screen.line("answer", answer);
      if (!answer.startsWith("{\"deferred\":true")) {
        throw new DemoFailure(
            "the window is open, so the event should have been stored; the answer was " + answer);
      }
    }
    screen.line("its log", awaitRecord(FunctionLog.WINDOW_CHANGED, 2));

    List<StoredInvocation> stored = StoredInvocations.read(aws.dynamo(), TABLE, FUNCTION);
    screen.line("table", TABLE + " (Query on index byArrival): " + stored.size() + " items");
    for (StoredInvocation item : stored) {
      screen.line(
          "",
          item.requestId()
              + "  arrived "
              + item.arrivedAt()
              + "  "
              + item.payloadSize()
              + " bytes");
      screen.line("", "  " + item.payload());
    }
    List<String> payloads = stored.stream().map(StoredInvocation::payload).toList();
    if (!payloads.equals(sent)) {
      throw new DemoFailure(
          "the table should hold the "
              + sent.size()
              + " events sent, in order; it holds "
              + payloads);
    }
    int handlerRuns = handlerRuns();
    screen.line(
        "handler", "did not run: its log still shows " + handlerRuns + " runs (steps 1 and 2)");
    if (handlerRuns != 2) {
      throw new DemoFailure("the handler ran while the window was open: " + handlerRuns + " runs");
    }
    return new Deferred(opened, List.copyOf(sent), List.copyOf(answers), stored, handlerRuns);
  }

  private record Replayed(ReplaySummary summary, List<String> answers, int left) {}

  /** Step 3: the window closes, the replay runs the stored events, the table empties. */
  private Replayed windowClosedAndReplayed(Instant opened) {
    screen.step(4, "The operator closes the window and replays what it deferred");
    Instant closed = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    putWindow(
        "{\"windows\":[{\"start\":\""
            + opened
            + "\",\"end\":\""
            + closed
            + "\",\"reason\":\""
            + REASON
            + "\"}]}");
    pause("so that the function sees the window closed before the replay invokes it");
    screen.line(
        "replay",
        "Replayer through the SDK clients, as `mw replay run --function "
            + FUNCTION
            + " --sync --settle-seconds "
            + REFRESH_SECONDS
            + "`:");
    List<String> answers = new ArrayList<>();
    ReplaySettings settings =
        ReplaySettings.builder()
            .withFunctionName(FUNCTION)
            .withTableName(TABLE)
            .withParameterName(PARAMETER)
            .withSynchronous(true)
            .withSettle(Duration.ofSeconds(REFRESH_SECONDS))
            .build();
    ReplaySummary summary =
        new Replayer(settings, aws.dynamo(), aws.lambda(), aws.ssm()).run(listener(answers));
    screen.line("summary", summary.toString());
    int left = StoredInvocations.read(aws.dynamo(), TABLE, FUNCTION).size();
    screen.line("table", TABLE + ": " + left + " items left for " + FUNCTION);

    // The handler's last message has no line end until the process ends (see FunctionLog).
    function.close();
    screen.line("its log", awaitRecord(FunctionLog.WINDOW_CHANGED, 3));
    List<String> runs = FunctionLog.records(function.logLines(), FunctionLog.HANDLER);
    screen.line("", runs.get(runs.size() - 1));
    screen.line(
        "handler",
        "ran " + (runs.size() - 2) + " more times (" + runs.size() + " runs in its log)");

    if (summary.replayed() != EVENTS_IN_WINDOW || summary.exitCode() != 0) {
      throw new DemoFailure(
          "the replay should have replayed " + EVENTS_IN_WINDOW + " events: " + summary);
    }
    for (int i = 0; i < EVENTS_IN_WINDOW; i++) {
      String scheduledFor = "\"scheduledFor\":\"" + windowEvent(i + 1) + "\"";
      if (!answers.get(i).contains(scheduledFor)) {
        throw new DemoFailure(
            "replayed event "
                + (i + 1)
                + " should have run with its original payload ("
                + scheduledFor
                + "); the answer was "
                + answers.get(i));
      }
    }
    if (runs.size() != 2 + EVENTS_IN_WINDOW) {
      throw new DemoFailure(
          "the handler should have run " + (2 + EVENTS_IN_WINDOW) + " times in all: " + runs);
    }
    if (left != 0) {
      throw new DemoFailure(
          "the table should be empty after the replay; it holds " + left + " items");
    }
    return new Replayed(summary, List.copyOf(answers), left);
  }

  /**
   * Step 5: a recurring window for the weeks ahead, read back and shown as the timeline that {@code
   * mw window status} prints (the same Timeline, in plain text).
   */
  private String timelineAhead() {
    screen.step(5, "The operator plans a recurring window: the timeline of what is coming");
    putWindow(RECURRING);
    String value = aws.ssm().getParameter(b -> b.name(PARAMETER)).parameter().value();
    WindowPlan plan;
    try {
      plan = WindowPlan.parse(value);
    } catch (WindowFormatException e) {
      throw new DemoFailure("the window read back is invalid: " + e.getMessage());
    }
    StringWriter text = new StringWriter();
    try (PrintWriter out = new PrintWriter(text)) {
      Timeline.print(
          out, plan, Instant.now(), TIMELINE_DAYS, Timeline.zoneOf(plan), Timeline.Style.PLAIN);
    }
    screen.line(
        "timeline",
        "GetParameter "
            + PARAMETER
            + ", then what `mw window status --plain` prints under its first line:");
    String timeline = text.toString();
    timeline.lines().forEach(line -> screen.line("", line));
    if (!timeline.contains(RECURRING_REASON)) {
      throw new DemoFailure("the timeline should show the recurring window:\n" + timeline);
    }
    return timeline;
  }

  /** Shows each replayed item with the function's answer (the replay is synchronous). */
  private ReplayListener listener(List<String> answers) {
    return new ReplayListener() {
      @Override
      public void itemDone(ItemOutcome outcome) {
        String id = outcome.item().requestId();
        if (outcome.result() != ItemOutcome.Result.REPLAYED) {
          screen.line("", id + " " + outcome.result() + ": " + outcome.detail());
          return;
        }
        List<InvokeResult> results = lambda.results();
        String answer = results.get(results.size() - 1).payloadUtf8();
        answers.add(answer);
        screen.line("", id + " replayed, answer " + answer);
      }

      @Override
      public void note(String message) {
        screen.line("", message);
      }
    };
  }

  /** Invokes the function synchronously through the SDK's LambdaClient; its answer as text. */
  private String invoke(byte[] event) {
    InvokeResponse response =
        aws.lambda()
            .invoke(
                b ->
                    b.functionName(FUNCTION)
                        .invocationType(InvocationType.REQUEST_RESPONSE)
                        .payload(SdkBytes.fromByteArray(event)));
    String answer = response.payload().asUtf8String();
    if (response.functionError() != null) {
      throw new DemoFailure("the function failed (" + response.functionError() + "): " + answer);
    }
    return answer;
  }

  /** Writes the window value and shows it. */
  private void putWindow(String value) {
    screen.line("SSM", putWindow(aws, value));
  }

  /**
   * Writes the window value through the SDK's SsmClient, as an operator's tools would; what was
   * done, as text.
   */
  private static String putWindow(ReplayClients aws, String value) {
    long version =
        aws.ssm()
            .putParameter(
                b -> b.name(PARAMETER).value(value).type(ParameterType.STRING).overwrite(true))
            .version();
    return "PutParameter " + PARAMETER + " (version " + version + ") = " + value;
  }

  private void pause(String why) {
    screen.line(
        "wait",
        PICK_UP_WAIT.toMillis() / 1000.0
            + " s, just over MAINTENANCE_WINDOW_REFRESH_SECONDS="
            + REFRESH_SECONDS
            + ", "
            + why);
    try {
      Thread.sleep(PICK_UP_WAIT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DemoFailure("interrupted");
    }
  }

  /** The {@code n}th record of the function's log starting with {@code start}, waiting for it. */
  private String awaitRecord(String start, int n) {
    return awaitRecord(start, "", n);
  }

  /**
   * The {@code n}th record of the function's log starting with {@code start} and containing {@code
   * part}, waiting for it: the log reaches the file a little after the function wrote it.
   */
  private String awaitRecord(String start, String part, int n) {
    long deadline = System.nanoTime() + LOG_WAIT.toNanos();
    while (true) {
      List<String> records =
          FunctionLog.records(function.logLines(), start).stream()
              .filter(record -> record.contains(part))
              .toList();
      if (records.size() >= n) {
        return records.get(n - 1);
      }
      if (System.nanoTime() > deadline) {
        throw new DemoFailure(
            "no line \""
                + start
                + "…\""
                + (part.isEmpty() ? "" : " with " + part)
                + " number "
                + n
                + " in the function's log within "
                + LOG_WAIT.toSeconds()
                + " s; see "
                + function.logFile());
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DemoFailure("interrupted");
      }
    }
  }

  /** When the {@code n}th event sent while the window is open was due (after step 2's event). */
  private Instant windowEvent(int n) {
    return schedule.plus(Duration.ofMinutes(1 + n));
  }

  private int handlerRuns() {
    return FunctionLog.records(function.logLines(), FunctionLog.HANDLER).size();
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** The message of a failure with its causes. */
  private static String describe(Throwable failure) {
    StringBuilder text = new StringBuilder(String.valueOf(failure.getMessage()));
    for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
      text.append("\n  caused by ").append(cause);
    }
    return text.toString();
  }
}
