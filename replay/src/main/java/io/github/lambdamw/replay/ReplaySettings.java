package io.github.lambdamw.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What one replay run does. Immutable; every setting is named, defaulted and documented here, in
 * the builder.
 *
 * <p>Only {@link Builder#withFunctionName(String)} is required.
 */
public final class ReplaySettings {
  /** The table the agent writes to by default ({@code MAINTENANCE_WINDOW_TABLE}). */
  public static final String DEFAULT_TABLE = "maintenance-window-deferred";

  /** The parameter the agent reads by default ({@code MAINTENANCE_WINDOW_PARAMETER}). */
  public static final String DEFAULT_PARAMETER = "maintenance-window";

  /**
   * The agent's default {@code MAINTENANCE_WINDOW_REFRESH_SECONDS}: how long a function may still
   * see a closed window as open.
   */
  public static final Duration DEFAULT_SETTLE = Duration.ofSeconds(60);

  private final String tableName;
  private final String functionName;
  private final String target;
  private final String parameterName;
  private final boolean synchronous;
  private final boolean dryRun;
  private final boolean force;
  private final boolean includeInFlight;
  private final long limit;
  private final double rate;
  private final Instant from;
  private final Instant to;
  private final Duration settle;

  private ReplaySettings(Builder b) {
    this.tableName = b.tableName;
    this.functionName = Objects.requireNonNull(b.functionName, "functionName");
    this.target = b.target == null ? b.functionName : b.target;
    this.parameterName = b.parameterName;
    this.synchronous = b.synchronous;
    this.dryRun = b.dryRun;
    this.force = b.force;
    this.includeInFlight = b.includeInFlight;
    this.limit = b.limit;
    this.rate = b.rate;
    this.from = b.from;
    this.to = b.to;
    this.settle = b.settle;
    if (functionName.isBlank()) {
      throw new IllegalArgumentException("the function name must not be blank");
    }
    if (limit < 0) {
      throw new IllegalArgumentException("the limit must be 0 (no limit) or more, not " + limit);
    }
    if (rate < 0 || Double.isNaN(rate)) {
      throw new IllegalArgumentException(
          "the rate must be 0 (unpaced) or more invocations per second, not " + rate);
    }
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException("--from " + from + " must be before --to " + to);
    }
    if (settle.isNegative()) {
      throw new IllegalArgumentException("the settle time must not be negative");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The DynamoDB table of deferred invocations. Default {@value #DEFAULT_TABLE}. */
  public String tableName() {
    return tableName;
  }

  /**
   * The guarded function's name ({@code AWS_LAMBDA_FUNCTION_NAME}): the partition key of its items.
   * Required.
   */
  public String functionName() {
    return functionName;
  }

  /** What the Invoke API is called with: a name, ARN, or alias ARN. Default: the function name. */
  public String target() {
    return target;
  }

  /** The SSM parameter holding the function's window value. Default {@value #DEFAULT_PARAMETER}. */
  public String parameterName() {
    return parameterName;
  }

  /** {@code RequestResponse} when true, {@code Event} (the default) when false. */
  public boolean synchronous() {
    return synchronous;
  }

  /** Reads and reports, invokes nothing and changes nothing. Default false. */
  public boolean dryRun() {
    return dryRun;
  }

  /** Replays even while the window is open or cannot be read. Default false. */
  public boolean force() {
    return force;
  }

  /**
   * Also replays items a previous run left in flight, which may then reach the function twice.
   * Default false.
   */
  public boolean includeInFlight() {
    return includeInFlight;
  }

  /** The most items one run hands to Lambda; 0 (the default) means no limit. */
  public long limit() {
    return limit;
  }

  /** The most invocations per second; 0 (the default) means as fast as Lambda answers. */
  public double rate() {
    return rate;
  }

  /** Only items that arrived at or after this instant; null (the default) for no lower bound. */
  public Instant from() {
    return from;
  }

  /** Only items that arrived before this instant; null (the default) for no upper bound. */
  public Instant to() {
    return to;
  }

  /**
   * How long after a window closed the replay still refuses: the agent caches the window value for
   * up to this long, so a function may still defer the replayed events. Default 60 s, the agent's
   * default refresh.
   */
  public Duration settle() {
    return settle;
  }

  /** Builds {@link ReplaySettings}; the defaults are those documented on the getters. */
  public static final class Builder {
    private String tableName = DEFAULT_TABLE;
    private String functionName;
    private String target;
    private String parameterName = DEFAULT_PARAMETER;
    private boolean synchronous;
    private boolean dryRun;
    private boolean force;
    private boolean includeInFlight;
    private long limit;
    private double rate;
    private Instant from;
    private Instant to;
    private Duration settle = DEFAULT_SETTLE;

    private Builder() {}

    public Builder withTableName(String tableName) {
      this.tableName = Objects.requireNonNull(tableName, "tableName");
      return this;
    }

    public Builder withFunctionName(String functionName) {
      this.functionName = functionName;
      return this;
    }

    /** Null falls back to the function name. */
    public Builder withTarget(String target) {
      this.target = target;
      return this;
    }

    public Builder withParameterName(String parameterName) {
      this.parameterName = Objects.requireNonNull(parameterName, "parameterName");
      return this;
    }

    public Builder withSynchronous(boolean synchronous) {
      this.synchronous = synchronous;
      return this;
    }

    public Builder withDryRun(boolean dryRun) {
      this.dryRun = dryRun;
      return this;
    }

    public Builder withForce(boolean force) {
      this.force = force;
      return this;
    }

    public Builder withIncludeInFlight(boolean includeInFlight) {
      this.includeInFlight = includeInFlight;
      return this;
    }

    public Builder withLimit(long limit) {
      this.limit = limit;
      return this;
    }

    public Builder withRate(double rate) {
      this.rate = rate;
      return this;
    }

    public Builder withFrom(Instant from) {
      this.from = from;
      return this;
    }

    public Builder withTo(Instant to) {
      this.to = to;
      return this;
    }

    public Builder withSettle(Duration settle) {
      this.settle = Objects.requireNonNull(settle, "settle");
      return this;
    }

    public ReplaySettings build() {
      return new ReplaySettings(this);
    }
  }
}
