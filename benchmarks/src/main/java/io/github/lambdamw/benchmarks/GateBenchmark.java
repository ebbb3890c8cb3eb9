package io.github.lambdamw.benchmarks;

import io.github.lambdamw.agent.MaintenanceWindowDeferralException;
import io.github.lambdamw.agent.internal.AgentConfig.ReadErrorMode;
import io.github.lambdamw.agent.internal.defer.Deferrer;
import io.github.lambdamw.agent.internal.gate.Gate;
import io.github.lambdamw.agent.internal.gate.WindowCache;
import io.github.lambdamw.agent.internal.gate.WindowSource;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The gate's closed-window path, the work the agent adds to every invocation outside a window:
 * {@link Gate#beforeDispatch(Object)} with a window that ended long ago, against a no-op and
 * against the clock read the gate makes. Forks run with Lambda's JIT and GC flags (C1 only).
 *
 * <p>The window cache re-reads its (in-memory) source every 60 s, as the agent does with SSM;
 * within a 1 s iteration that happens at most once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 2,
    jvmArgsAppend = {"-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"})
public class GateBenchmark {

  /** A one-off window in the past: the gate answers "closed" until the next re-read. */
  static final String PAST_WINDOW = "2020-01-01T02:00:00Z,2020-01-01T06:00:00Z";

  /** Stands for the runtime client's InvocationRequest; the closed path never looks at it. */
  private final Object request = new Object();

  @Setup
  public void installGate() {
    WindowSource source =
        new WindowSource() {
          @Override
          public String read() {
            return PAST_WINDOW;
          }

          @Override
          public String describe() {
            return "benchmark window";
          }
        };
    WindowCache window = new WindowCache(source, 60_000, ReadErrorMode.RUN_HANDLER);
    Deferrer refusing =
        new Deferrer(
            (invocation, status, arrivedAt) -> {
              throw new MaintenanceWindowDeferralException("the benchmark window is closed");
            },
            "benchmark");
    Gate.install(new Gate(window, refusing));
    if (Gate.beforeDispatch(request) != null) {
      throw new IllegalStateException("the benchmark window should be closed");
    }
  }

  /** What a call that does nothing costs here (JMH's own loop). */
  @Benchmark
  public Object baselineNoop() {
    return request;
  }

  /** The one clock read the closed path makes. */
  @Benchmark
  public long baselineClock() {
    return System.currentTimeMillis();
  }

  /** The closed path: installed-gate read, clock read, one volatile read, one comparison. */
  @Benchmark
  public ByteArrayOutputStream gateClosed() {
    return Gate.beforeDispatch(request);
  }
}
