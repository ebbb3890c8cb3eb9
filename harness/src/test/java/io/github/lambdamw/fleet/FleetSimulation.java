package io.github.lambdamw.fleet;

import io.github.lambdamw.agent.internal.AgentConfig;
import io.github.lambdamw.agent.internal.defer.Deferrer;
import io.github.lambdamw.agent.internal.gate.Gate;
import io.github.lambdamw.agent.internal.gate.SsmWindowSource;
import io.github.lambdamw.agent.internal.gate.WindowCache;
import io.github.lambdamw.agent.internal.metrics.EmfMetrics;
import io.github.lambdamw.harness.ssm.LocalSsm;
import io.github.lambdamw.harness.ssm.SsmRateLimit;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A fleet of simulated execution environments against one rate-limited SSM stand-in. Each
 * environment has what the agent builds in a real one (its own {@link SsmWindowSource}, {@link
 * WindowCache} and {@link Gate}, the real classes, speaking HTTP to the stand-in) and lives as
 * Lambda runs it: the agent's INIT read starts on its own thread, the runtime's INIT takes {@link
 * Scenario#initMillis()}, then the first invocation reaches the gate with its deadline.
 * Environments start at random instants within {@link Scenario#spreadMillis()}, in threads of this
 * JVM.
 */
final class FleetSimulation {
  static final String PARAMETER = "maintenance-window";
  static final String OPEN =
      "{\"windows\":[{\"start\":\"2020-01-01T00:00:00Z\",\"end\":\"2999-01-01T00:00:00Z\",\"reason\":\"fleet\"}]}";
  static final String CLOSED = "{\"windows\":[]}";

  private FleetSimulation() {}

  /**
   * What is simulated.
   *
   * @param agentEnv the agent's settings beyond the defaults (MAINTENANCE_WINDOW_*)
   * @param timeoutMillis the function's timeout: the invocation's deadline is its arrival plus this
   */
  record Scenario(
      String name,
      int environments,
      long spreadMillis,
      long initMillis,
      boolean windowOpen,
      double perSecond,
      int burst,
      long timeoutMillis,
      Map<String, String> agentEnv) {

    /**
     * 1,000 environments within 5 s, window open, SSM's default quota, the agent's defaults; a
     * function timeout of two minutes (a queue consumer), so an invocation may wait up to the
     * default invoke budget.
     */
    static Scenario thousandInFiveSeconds() {
      return new Scenario(
          "defaults, window open", 1_000, 5_000, 500, true, 40, 40, 120_000, Map.of());
    }

    Scenario withName(String newName) {
      return new Scenario(
          newName,
          environments,
          spreadMillis,
          initMillis,
          windowOpen,
          perSecond,
          burst,
          timeoutMillis,
          agentEnv);
    }

    Scenario withWindowOpen(boolean open) {
      return new Scenario(
          name,
          environments,
          spreadMillis,
          initMillis,
          open,
          perSecond,
          burst,
          timeoutMillis,
          agentEnv);
    }

    Scenario withTimeoutMillis(long timeout) {
      return new Scenario(
          name,
          environments,
          spreadMillis,
          initMillis,
          windowOpen,
          perSecond,
          burst,
          timeout,
          agentEnv);
    }

    Scenario withQuota(double newPerSecond, int newBurst) {
      return new Scenario(
          name,
          environments,
          spreadMillis,
          initMillis,
          windowOpen,
          newPerSecond,
          newBurst,
          timeoutMillis,
          agentEnv);
    }

    Scenario withAgentEnv(Map<String, String> env) {
      return new Scenario(
          name,
          environments,
          spreadMillis,
          initMillis,
          windowOpen,
          perSecond,
          burst,
          timeoutMillis,
          env);
    }
  }

  /**
   * What happened.
   *
   * @param latencyMillis each environment's first invocation: arrival at the gate to its decision,
   *     sorted
   * @param agentLog every line the agents wrote
   */
  record Result(
      Scenario scenario,
      int deferred,
      int handlerRan,
      int unfinished,
      long[] latencyMillis,
      List<SsmRateLimit.Second> ssmCalls,
      long wallMillis,
      String agentLog) {

    int wrongDecisions() {
      return (scenario.windowOpen() ? handlerRan : deferred) + unfinished;
    }

    long latencyPercentile(double p) {
      if (latencyMillis.length == 0) {
        return -1;
      }
      int index = (int) Math.ceil(p / 100.0 * latencyMillis.length) - 1;
      return latencyMillis[Math.max(0, Math.min(latencyMillis.length - 1, index))];
    }

    int peakCallsPerSecond() {
      return ssmCalls.stream().mapToInt(SsmRateLimit.Second::calls).max().orElse(0);
    }

    int totalCalls() {
      return ssmCalls.stream().mapToInt(SsmRateLimit.Second::calls).sum();
    }

    long logLines(String containing) {
      return agentLog.lines().filter(line -> line.contains(containing)).count();
    }

    String summary() {
      return String.format(
          "%s: %d environments in %d ms, window %s, quota %.0f/s burst %d, timeout %d ms, settings %s: "
              + "%d deferred, %d handler runs, %d unfinished, WRONG %d; first invocation wait p50 %d ms, p99 %d ms,"
              + " max %d ms; SSM calls %d (peak %d/s); %d ms",
          scenario.name(),
          scenario.environments(),
          scenario.spreadMillis(),
          scenario.windowOpen() ? "open" : "closed",
          scenario.perSecond(),
          scenario.burst(),
          scenario.timeoutMillis(),
          scenario.agentEnv().isEmpty() ? "default" : scenario.agentEnv(),
          deferred,
          handlerRan,
          unfinished,
          wrongDecisions(),
          latencyPercentile(50),
          latencyPercentile(99),
          latencyMillis.length == 0 ? -1 : latencyMillis[latencyMillis.length - 1],
          totalCalls(),
          peakCallsPerSecond(),
          wallMillis);
    }

    /** "second: answered+throttled" for each second, one line. */
    String timeline() {
      StringBuilder line = new StringBuilder();
      for (SsmRateLimit.Second second : ssmCalls) {
        line.append(second.second())
            .append(':')
            .append(second.answered())
            .append('+')
            .append(second.throttled());
        line.append(' ');
      }
      return line.toString().strip();
    }
  }

  /** Runs the scenario; the agents' log lines are captured, not printed. */
  static Result run(Scenario scenario) throws InterruptedException {
    PrintStream console = System.out;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try (LocalSsm ssm =
        LocalSsm.builder().withRateLimit(scenario.perSecond(), scenario.burst()).start()) {
      ssm.put(PARAMETER, scenario.windowOpen() ? OPEN : CLOSED);
      Map<String, String> env = new HashMap<>();
      env.put("AWS_REGION", "us-east-1");
      env.put("AWS_ACCESS_KEY_ID", "AKIDFLEET");
      env.put("AWS_SECRET_ACCESS_KEY", "fleet-secret");
      env.put("AWS_ENDPOINT_URL_SSM", ssm.endpoint().toString());
      env.put("AWS_LAMBDA_FUNCTION_NAME", "fleet");
      env.put(AgentConfig.PARAMETER, PARAMETER);
      env.putAll(scenario.agentEnv());
      Environment[] fleet = new Environment[scenario.environments()];
      Random random = new Random(20261207L);
      CountDownLatch done = new CountDownLatch(fleet.length);
      long startNanos = System.nanoTime() + 300_000_000L;
      long began = System.currentTimeMillis();
      // AgentLog writes to System.out as it is at each line: the agents' lines go to the buffer
      // meanwhile.
      System.setOut(new PrintStream(log, true, StandardCharsets.UTF_8));
      try {
        for (int i = 0; i < fleet.length; i++) {
          long offset = scenario.spreadMillis() == 0 ? 0 : random.nextLong(scenario.spreadMillis());
          fleet[i] = new Environment(i, env, scenario, startNanos + offset * 1_000_000L, done);
          Thread thread = new Thread(fleet[i], "fleet-env-" + i);
          thread.setDaemon(true);
          thread.start();
        }
        done.await(
            scenario.spreadMillis() + 2 * scenario.timeoutMillis() + 30_000, TimeUnit.MILLISECONDS);
      } finally {
        System.setOut(console);
      }
      int deferred = 0;
      int ran = 0;
      int unfinished = 0;
      long[] latencies = new long[fleet.length];
      int finished = 0;
      for (Environment environment : fleet) {
        if (!environment.finished) {
          unfinished++;
          continue;
        }
        latencies[finished++] = environment.latencyMillis;
        if (environment.deferred) {
          deferred++;
        } else {
          ran++;
        }
      }
      long[] sorted = Arrays.copyOf(latencies, finished);
      Arrays.sort(sorted);
      return new Result(
          scenario,
          deferred,
          ran,
          unfinished,
          sorted,
          ssm.rateLimit().timeline(),
          System.currentTimeMillis() - began,
          log.toString(StandardCharsets.UTF_8));
    }
  }

  /** One execution environment: what premain builds, its INIT read, then its first invocation. */
  private static final class Environment implements Runnable {
    private final int id;
    private final Map<String, String> env;
    private final Scenario scenario;
    private final long startNanos;
    private final CountDownLatch done;
    volatile boolean finished;
    volatile boolean deferred;
    volatile long latencyMillis;

    Environment(
        int id, Map<String, String> env, Scenario scenario, long startNanos, CountDownLatch done) {
      this.id = id;
      this.env = env;
      this.scenario = scenario;
      this.startNanos = startNanos;
      this.done = done;
    }

    @Override
    public void run() {
      try {
        sleepNanos(startNanos - System.nanoTime());
        AgentConfig config = AgentConfig.from(env);
        WindowCache window =
            new WindowCache(
                new SsmWindowSource(config, env),
                config.refreshMillis(),
                config.readErrorMode(),
                config.initReadBudgetMillis(),
                config.invokeReadBudgetMillis(),
                EmfMetrics.silent());
        Gate gate =
            new Gate(window, new Deferrer(new CountingDeferralStore(), config.functionName()));
        // premain's background thread: the first read overlaps the runtime's INIT.
        Thread init =
            new Thread(
                () -> window.statusAt(System.currentTimeMillis()), "fleet-env-" + id + "-init");
        init.setDaemon(true);
        init.start();
        sleepNanos(scenario.initMillis() * 1_000_000L);
        long arrival = System.currentTimeMillis();
        long arrivalNanos = System.nanoTime();
        ByteArrayOutputStream answer =
            gate.dispatch(
                new SimulatedInvocationRequest(
                    "env-" + id + "-1", arrival + scenario.timeoutMillis()),
                arrival);
        latencyMillis = (System.nanoTime() - arrivalNanos) / 1_000_000;
        deferred = answer != null;
        finished = true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        done.countDown();
      }
    }

    private static void sleepNanos(long nanos) throws InterruptedException {
      if (nanos > 0) {
        TimeUnit.NANOSECONDS.sleep(nanos);
      }
    }
  }
}
