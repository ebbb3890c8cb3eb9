package io.github.lambdamw.infra;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * Settings of a {@link MaintenanceWindowReplay}. {@link Builder#window} and {@link
 * Builder#function} are required; everything else is optional, and {@link #builder()} documents and
 * holds the defaults. The replay function's environment is that of {@code ReplayFunctionHandler}
 * (replay/README.md).
 */
public final class MaintenanceWindowReplayProps {

  /**
   * The replay function's memory unless {@link Builder#memorySize} says otherwise
   * (replay/README.md: 512 or more).
   */
  public static final int DEFAULT_MEMORY_SIZE = 512;

  /** The replay function's timeout unless {@link Builder#timeout} says otherwise, in minutes. */
  public static final int DEFAULT_TIMEOUT_MINUTES = 5;

  /**
   * The replay's own default settle time, in seconds: it refuses to run when a window was open less
   * than this long ago, since guarded functions may still use a cached window value.
   */
  public static final int DEFAULT_SETTLE_SECONDS = 60;

  private final MaintenanceWindow window;
  private final IFunction function;
  private final String qualifier;
  private final String functionJar;
  private final Runtime runtime;
  private final int memorySize;
  private final Duration timeout;
  private final String schedule;
  private final Integer settleSeconds;
  private final boolean restrictToFunctionItems;
  private final RetentionDays logRetention;

  private MaintenanceWindowReplayProps(Builder builder) {
    this.window = builder.window;
    this.function = builder.function;
    this.qualifier = builder.qualifier;
    this.functionJar = builder.functionJar;
    this.runtime = builder.runtime;
    this.memorySize = builder.memorySize;
    this.timeout = builder.timeout;
    this.schedule = builder.schedule;
    this.settleSeconds = builder.settleSeconds;
    this.restrictToFunctionItems = builder.restrictToFunctionItems;
    this.logRetention = builder.logRetention;
  }

  /** A builder holding every default. */
  public static Builder builder() {
    return new Builder();
  }

  /** The window whose table and parameter the replay uses. */
  public MaintenanceWindow getWindow() {
    return window;
  }

  /** The guarded function whose deferred invocations are replayed. */
  public IFunction getFunction() {
    return function;
  }

  /** The alias or version the replay invokes, or {@code null} for the unqualified function. */
  public String getQualifier() {
    return qualifier;
  }

  /**
   * The replay function's code, or {@code null} for the replay module's jar this library carries.
   */
  public String getFunctionJar() {
    return functionJar;
  }

  /** The replay function's runtime. */
  public Runtime getRuntime() {
    return runtime;
  }

  /** The replay function's memory, in MB. */
  public int getMemorySize() {
    return memorySize;
  }

  /** The replay function's timeout. */
  public Duration getTimeout() {
    return timeout;
  }

  /**
   * The EventBridge schedule expression running the replay, or {@code null} for on-demand runs
   * only.
   */
  public String getSchedule() {
    return schedule;
  }

  /**
   * {@code SETTLE_SECONDS} of the replay function, or {@code null} for the default (see the
   * builder).
   */
  public Integer getSettleSeconds() {
    return settleSeconds;
  }

  /**
   * Whether the DynamoDB statements carry the {@code dynamodb:LeadingKeys} condition on the
   * function's name.
   */
  public boolean isRestrictToFunctionItems() {
    return restrictToFunctionItems;
  }

  /** How long the replay function's logs are kept. */
  public RetentionDays getLogRetention() {
    return logRetention;
  }

  /** Builds {@link MaintenanceWindowReplayProps}; each setter names its default. */
  public static final class Builder {
    private MaintenanceWindow window;
    private IFunction function;
    private String qualifier;
    private String functionJar;
    private Runtime runtime = Runtime.JAVA_21;
    private int memorySize = DEFAULT_MEMORY_SIZE;
    private Duration timeout = Duration.minutes(DEFAULT_TIMEOUT_MINUTES);
    private String schedule;
    private Integer settleSeconds;
    private boolean restrictToFunctionItems = true;
    private RetentionDays logRetention = RetentionDays.ONE_MONTH;

    private Builder() {}

    /**
     * Required: the window whose table ({@code TABLE}) and parameter ({@code PARAMETER}) the replay
     * uses. Its table's customer-managed key, if any, is granted too.
     */
    public Builder window(MaintenanceWindow window) {
      this.window = window;
      return this;
    }

    /**
     * Required: the guarded function whose deferred invocations are replayed ({@code FUNCTION}, the
     * items' partition key). A function of this app, or an imported one ({@code
     * Function.fromFunctionArn}, for a function guarded outside CDK). Not an alias or version: pass
     * the function and set {@link #qualifier}.
     */
    public Builder function(IFunction function) {
      this.function = function;
      return this;
    }

    /**
     * An alias or version to invoke instead of the unqualified function ({@code TARGET} = {@code
     * <function name>:<qualifier>}); the replay is then also granted {@code lambda:InvokeFunction}
     * on that qualified ARN, and on no other. Default: {@code null}, the unqualified function
     * ({@code $LATEST}).
     */
    public Builder qualifier(String qualifier) {
      this.qualifier = qualifier;
      return this;
    }

    /**
     * A replay function deployment package to deploy instead of the bundled one, a path resolved
     * against the working directory. Default: {@code null}, the replay module's {@code
     * -function.jar} this library carries (same version), written out to a temporary folder at
     * synth.
     */
    public Builder functionJar(String functionJar) {
      this.functionJar = functionJar;
      return this;
    }

    /**
     * The replay function's runtime: {@code java21} or {@code java25} (the package is compiled for
     * Java 21). Default: {@code java21}, the runtime the replay module documents.
     */
    public Builder runtime(Runtime runtime) {
      this.runtime = runtime;
      return this;
    }

    /** The replay function's memory in MB, at least 512. Default: {@value #DEFAULT_MEMORY_SIZE}. */
    public Builder memorySize(int memorySize) {
      this.memorySize = memorySize;
      return this;
    }

    /**
     * The replay function's timeout, 1 to 15 minutes: a run stops taking items when less than 30 s
     * are left and the next run continues. Default: {@value #DEFAULT_TIMEOUT_MINUTES} minutes.
     */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /**
     * An EventBridge schedule expression ({@code rate(1 hour)}, {@code cron(30 6 * * ? *)}) on
     * which a rule invokes the replay. Safe at any time: a run while a window is open, or closed
     * less than the settle time ago, answers {@code refused} at the cost of one SSM read. Default:
     * {@code null}, no rule; the replay runs on demand ({@code aws lambda invoke --function-name
     * <replay> out.json}).
     */
    public Builder schedule(String schedule) {
      this.schedule = schedule;
      return this;
    }

    /**
     * {@code SETTLE_SECONDS}: the replay refuses while a window was open less than this long ago.
     * Default: {@code null}, the larger of {@value #DEFAULT_SETTLE_SECONDS} and the window's {@code
     * refreshSeconds} (how long guarded functions may keep using a cached window value, and so
     * defer a replayed event again).
     */
    public Builder settleSeconds(Integer settleSeconds) {
      this.settleSeconds = settleSeconds;
      return this;
    }

    /**
     * Whether the DynamoDB statements carry {@code "ForAllValues:StringEquals":
     * {"dynamodb:LeadingKeys": [<function name>]}}, so the replay can read and change only the
     * items of its function. Default: {@code true}.
     */
    public Builder restrictToFunctionItems(boolean restrictToFunctionItems) {
      this.restrictToFunctionItems = restrictToFunctionItems;
      return this;
    }

    /**
     * How long the replay function's log group keeps its logs. Default: {@link
     * RetentionDays#ONE_MONTH}.
     */
    public Builder logRetention(RetentionDays logRetention) {
      this.logRetention = logRetention;
      return this;
    }

    /** The props; {@link MaintenanceWindowReplay} checks them when it is created. */
    public MaintenanceWindowReplayProps build() {
      return new MaintenanceWindowReplayProps(this);
    }
  }
}
