package io.github.lambdamw.harness.function;

import io.github.lambdamw.harness.runtimeapi.LocalLambda;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A function's process, started the way the managed Java runtime starts it: the stock java command
 * line with Lambda's flags, the real runtime interface client on the class path, the task root as
 * the working folder, Lambda's environment, and, given a layer, through the layer's exec wrapper
 * (or through another tool's, {@link Builder#withExecWrapper}).
 *
 * <p>What cannot be reproduced outside Lambda: the layer is not at {@code /opt} (the wrapper is
 * called by its real path, and the RIC's {@code /opt/java/lib} stays empty), there is no runtime
 * CDS archive, and nothing restarts the process after a timeout.
 */
public final class LambdaFunction implements AutoCloseable {

  /** The folder of an unpacked layer that holds the exec wrapper (docs/contracts.md). */
  public static final String LAYER_WRAPPER = "maintenance-window/wrapper";

  /**
   * {@code -Dlmw.keepFunctionDirs=true} keeps the temporary task root and log of each function
   * after close, for a look after a failed run (failures already quote the log's last lines).
   */
  public static final String KEEP_PROPERTY = "lmw.keepFunctionDirs";

  private final Process process;
  private final ProcessLog log;
  private final long startedAtNanos;
  private final Path taskRoot;
  private final List<String> command;
  private final Map<String, String> environment;
  private final LocalLambda runtimeApi;

  /**
   * The temporary folder this class made for the task root and log, deleted on close; else null.
   */
  private final Path ownedDir;

  private LambdaFunction(
      Process process,
      ProcessLog log,
      long startedAtNanos,
      Path taskRoot,
      List<String> command,
      Map<String, String> environment,
      LocalLambda runtimeApi,
      Path ownedDir) {
    this.process = process;
    this.log = log;
    this.startedAtNanos = startedAtNanos;
    this.taskRoot = taskRoot;
    this.command = command;
    this.environment = environment;
    this.runtimeApi = runtimeApi;
    this.ownedDir = ownedDir;
  }

  /** A builder for a function served by {@code runtimeApi} (its name, region and Runtime API). */
  public static Builder builder(LocalLambda runtimeApi) {
    return new Builder(runtimeApi);
  }

  /**
   * Waits until the runtime polls for its first event.
   *
   * @throws IllegalStateException when the process ends first or the wait runs out, with the log's
   *     last lines
   */
  public LambdaFunction awaitReady(Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (!runtimeApi.awaitRuntimeReady(Duration.ofMillis(50))) {
      if (!process.isAlive()) {
        log.drain(Duration.ofSeconds(2));
        throw new IllegalStateException(
            "The function's process exited with "
                + process.exitValue()
                + " before polling for an event. Log "
                + log.file()
                + ":\n"
                + log.tail(40));
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "The function did not poll for an event within "
                + wait
                + ". Log so far:\n"
                + log.tail(40));
      }
    }
    return this;
  }

  /** The log lines so far (stdout and stderr merged). */
  public List<String> logLines() {
    return log.lines();
  }

  /**
   * The first log line matching {@code predicate}, waiting up to {@code wait}.
   *
   * @throws IllegalStateException when none came, with the log's last lines
   */
  public String awaitLog(Predicate<String> predicate, Duration wait) {
    try {
      String line = log.await(predicate, wait);
      if (line == null) {
        throw new IllegalStateException(
            "No matching log line within " + wait + ". Log " + log.file() + ":\n" + log.tail(40));
      }
      return line;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The file the log is copied to. */
  public Path logFile() {
    return log.file();
  }

  /** {@link System#nanoTime()} just before the process was started; for time-to-first-response. */
  public long startedAtNanos() {
    return startedAtNanos;
  }

  public Path taskRoot() {
    return taskRoot;
  }

  /** The command line: the prefix if any, then the wrapper when there is one, then java. */
  public List<String> command() {
    return command;
  }

  /** The process's whole environment. */
  public Map<String, String> environment() {
    return environment;
  }

  /**
   * Waits until the process ends and returns its exit code, or null when it still runs after {@code
   * wait}.
   */
  public Integer awaitExit(Duration wait) {
    try {
      if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
        return null;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
    log.drain(Duration.ofSeconds(2));
    return process.exitValue();
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Kills the process and whatever it started, at once (Lambda does not wait for a frozen sandbox).
   */
  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    log.drain(Duration.ofSeconds(2));
    if (ownedDir != null && !Boolean.getBoolean(KEEP_PROPERTY)) {
      deleteQuietly(ownedDir);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // A temporary folder left behind is harmless.
    }
  }

  /** Settings of a function's process; defaults documented per method. */
  public static final class Builder {
    private final LocalLambda runtimeApi;
    private String handler;
    private JavaHome java;
    private String ricVersion = RuntimeClients.CURRENT;
    private final List<Path> functionJars = new ArrayList<>();
    private Path taskRoot;
    private Path logFile;
    private int memoryMb = 512;
    private Path layerDir;
    private Path execWrapper;
    private final List<String> jvmFlags = new ArrayList<>();
    private final List<String> commandPrefix = new ArrayList<>();
    private String mainClass = RuntimeClient.MAIN_CLASS;
    private final List<Path> extraClassPath = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();

    private Builder(LocalLambda runtimeApi) {
      this.runtimeApi = Objects.requireNonNull(runtimeApi, "runtimeApi");
    }

    /** The handler string, e.g. {@code io.github.lambdamw.testfunctions.EchoHandler}. Required. */
    public Builder withHandler(String handler) {
      this.handler = Objects.requireNonNull(handler);
      return this;
    }

    /** The Java to run; default the one running this code. */
    public Builder withJavaHome(Path javaHome) {
      this.java = JavaHome.of(javaHome);
      return this;
    }

    /** The RIC release; default {@link RuntimeClients#CURRENT}. Must be prepared by the build. */
    public Builder withRuntimeClient(String version) {
      this.ricVersion = Objects.requireNonNull(version);
      return this;
    }

    /**
     * A jar of the function, placed in {@code <taskRoot>/lib/} as Lambda unpacks a deployment zip.
     */
    public Builder withFunctionJar(Path jar) {
      if (!Files.isRegularFile(jar)) {
        throw new IllegalArgumentException("no function jar at " + jar);
      }
      functionJars.add(jar);
      return this;
    }

    /**
     * The task root (the process's working folder); default a new temporary folder, deleted with
     * the default log on close (see {@link #KEEP_PROPERTY}).
     */
    public Builder withTaskRoot(Path taskRoot) {
      this.taskRoot = taskRoot;
      return this;
    }

    /** Where the log is copied; default {@code function.log} beside the task root. */
    public Builder withLogFile(Path logFile) {
      this.logFile = logFile;
      return this;
    }

    /** The function's memory in MB; default 512. Sets the heap to 85 % of it, as Lambda does. */
    public Builder withMemoryMb(int memoryMb) {
      if (memoryMb < 128) {
        throw new IllegalArgumentException("Lambda's minimum is 128 MB: " + memoryMb);
      }
      this.memoryMb = memoryMb;
      return this;
    }

    /**
     * An unpacked layer (what Lambda mounts at {@code /opt}); the function then starts through its
     * {@value #LAYER_WRAPPER} with {@code AWS_LAMBDA_EXEC_WRAPPER} set. Default none.
     */
    public Builder withLayer(Path layerDir) {
      this.layerDir = layerDir;
      return this;
    }

    /**
     * Another tool's exec wrapper (a script given the java command line as its arguments), started
     * as {@code AWS_LAMBDA_EXEC_WRAPPER} in place of the layer's: a function as it runs before it
     * is guarded. Default the layer's wrapper after {@link #withLayer}, else none.
     */
    public Builder withExecWrapper(Path wrapper) {
      if (!Files.isRegularFile(wrapper) || !Files.isExecutable(wrapper)) {
        throw new IllegalArgumentException("no executable exec wrapper at " + wrapper);
      }
      this.execWrapper = wrapper.toAbsolutePath();
      return this;
    }

    /**
     * A JVM flag added after Lambda's own (not something Lambda lets a user do; for experiments).
     */
    public Builder withJvmFlag(String flag) {
      jvmFlags.add(flag);
      return this;
    }

    /**
     * Another runtime's main class instead of the RIC's, found on the RIC's class path plus {@code
     * classPath} (to simulate a runtime whose dispatch the agent does not know, such as the closed
     * {@code lambdainternal.AWSLambda} of java11). Default the RIC's {@link
     * RuntimeClient#MAIN_CLASS}.
     */
    public Builder withMainClass(String mainClass, Path... classPath) {
      this.mainClass = Objects.requireNonNull(mainClass);
      extraClassPath.addAll(List.of(classPath));
      return this;
    }

    /**
     * Words run in front of the whole command, wrapper included, e.g. {@code taskset -c 0} to pin
     * the function to one CPU (benchmarks). The prefix must exec the rest, so that {@link
     * LambdaFunction#pid()} stays the JVM's. Default none.
     */
    public Builder withCommandPrefix(String... words) {
      commandPrefix.addAll(List.of(words));
      return this;
    }

    /** A function environment variable; overrides Lambda's own of the same name. */
    public Builder withEnv(String name, String value) {
      environment.put(name, value);
      return this;
    }

    /** Function environment variables; they override Lambda's own of the same names. */
    public Builder withEnv(Map<String, String> variables) {
      environment.putAll(variables);
      return this;
    }

    /** Starts the process; see {@link LambdaFunction#awaitReady(Duration)}. */
    public LambdaFunction start() {
      if (handler == null) {
        throw new IllegalStateException("withHandler(…) is required");
      }
      JavaHome javaHome = java == null ? JavaHome.current() : java;
      RuntimeClient ric = RuntimeClients.locate(ricVersion);
      try {
        Path ownedDir =
            taskRoot == null
                ? Files.createTempDirectory("lmw-" + runtimeApi.functionName() + "-")
                : null;
        Path root = taskRoot != null ? Files.createDirectories(taskRoot) : ownedDir.resolve("task");
        Files.createDirectories(root.resolve("lib"));
        for (Path jar : functionJars) {
          Files.copy(
              jar,
              root.resolve("lib").resolve(jar.getFileName()),
              StandardCopyOption.REPLACE_EXISTING);
        }
        Path wrapper =
            execWrapper != null ? execWrapper : layerDir == null ? null : wrapper(layerDir);
        List<String> command = new ArrayList<>(commandPrefix);
        command.addAll(
            LaunchCommand.of(
                javaHome, ric, memoryMb, jvmFlags, handler, wrapper, mainClass, extraClassPath));
        command = List.copyOf(command);
        Map<String, String> env =
            LambdaEnvironment.of(
                runtimeApi.functionName(),
                runtimeApi.runtimeApiAddress(),
                memoryMb,
                runtimeApi.region(),
                root,
                handler,
                javaHome,
                ric.classPath().get(0).getParent(),
                wrapper,
                layerDir,
                environment);
        Path logPath = logFile != null ? logFile : root.resolveSibling("function.log");
        ProcessLog.createParent(logPath);

        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.redirectErrorStream(true);
        long startedAt = System.nanoTime();
        Process process = builder.start();
        ProcessLog log = ProcessLog.follow(logPath, process.getInputStream());
        return new LambdaFunction(
            process, log, startedAt, root, command, Map.copyOf(env), runtimeApi, ownedDir);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the function " + runtimeApi.functionName(), e);
      }
    }

    private static Path wrapper(Path layerDir) throws IOException {
      Path wrapper = layerDir.toAbsolutePath().resolve(LAYER_WRAPPER);
      if (!Files.isRegularFile(wrapper)) {
        throw new IllegalArgumentException(
            "no " + LAYER_WRAPPER + " in the layer " + layerDir + " (see docs/contracts.md)");
      }
      if (!Files.isExecutable(wrapper)) {
        // maven-dependency-plugin's unpack may drop the zip's 0755; Lambda keeps it. The wrapper
        // module's own tests check the mode in the zip.
        wrapper.toFile().setExecutable(true);
      }
      return wrapper;
    }
  }
}
