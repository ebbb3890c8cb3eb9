package io.github.lambdamw.infra;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.ILayerVersion;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.ssm.IStringParameter;

/**
 * Settings of a {@link MaintenanceWindow}. Every setting is optional; {@link #builder()} documents
 * and holds the defaults. Names and values the agent reads are those of {@code docs/contracts.md}.
 */
public final class MaintenanceWindowProps {

  /**
   * The SSM parameter a created window is named after unless {@link Builder#parameterName} says
   * otherwise.
   */
  public static final String DEFAULT_PARAMETER_NAME = "maintenance-window";

  /**
   * A JSON window value with no window in it: the window is closed, guarded functions run their
   * handlers.
   */
  public static final String CLOSED_WINDOW_VALUE = "{\"windows\":[]}";

  /**
   * The agent's default: the longest time, in seconds, a window value is used before SSM is read
   * again.
   */
  public static final int DEFAULT_REFRESH_SECONDS = 60;

  /**
   * The largest refresh interval accepted (one day): a longer one would leave a closed window
   * unnoticed.
   */
  public static final int MAX_REFRESH_SECONDS = 86_400;

  private final ILayerVersion layer;
  private final String layerZip;
  private final IStringParameter parameter;
  private final String parameterName;
  private final String initialWindowValue;
  private final ITable table;
  private final String tableName;
  private final IKey encryptionKey;
  private final RemovalPolicy removalPolicy;
  private final boolean pointInTimeRecovery;
  private final int refreshSeconds;
  private final int retentionDays;
  private final String onReadError;
  private final boolean requireGrants;
  private final boolean highThroughput;
  private final boolean observe;
  private final boolean alarms;
  private final ITopic alarmAction;
  private final boolean dashboard;

  private MaintenanceWindowProps(Builder builder) {
    this.layer = builder.layer;
    this.layerZip = builder.layerZip;
    this.parameter = builder.parameter;
    this.parameterName = builder.parameterName;
    this.initialWindowValue = builder.initialWindowValue;
    this.table = builder.table;
    this.tableName = builder.tableName;
    this.encryptionKey = builder.encryptionKey;
    this.removalPolicy = builder.removalPolicy;
    this.pointInTimeRecovery = builder.pointInTimeRecovery;
    this.refreshSeconds = builder.refreshSeconds;
    this.retentionDays = builder.retentionDays;
    this.onReadError = builder.onReadError;
    this.requireGrants = builder.requireGrants;
    this.highThroughput = builder.highThroughput;
    this.observe = builder.observe;
    this.alarms = builder.alarms;
    this.alarmAction = builder.alarmAction;
    this.dashboard = builder.dashboard;
  }

  /** A builder holding every default. */
  public static Builder builder() {
    return new Builder();
  }

  /** The existing layer to attach, or {@code null} to create one from {@link #getLayerZip()}. */
  public ILayerVersion getLayer() {
    return layer;
  }

  /** The layer zip a created layer is made of, or {@code null} for the one this library carries. */
  public String getLayerZip() {
    return layerZip;
  }

  /** The existing window parameter, or {@code null} to create one. */
  public IStringParameter getParameter() {
    return parameter;
  }

  /** The name of the parameter to create. */
  public String getParameterName() {
    return parameterName;
  }

  /** The value a created parameter starts with. */
  public String getInitialWindowValue() {
    return initialWindowValue;
  }

  /** The existing table of deferred invocations, or {@code null} to create one. */
  public ITable getTable() {
    return table;
  }

  /** The name of the table to create, or {@code null} for a name CloudFormation generates. */
  public String getTableName() {
    return tableName;
  }

  /**
   * The customer-managed key a created table is encrypted with, or {@code null} for the AWS-managed
   * key.
   */
  public IKey getEncryptionKey() {
    return encryptionKey;
  }

  /**
   * What CloudFormation does with a created table, parameter and layer version when they leave the
   * stack.
   */
  public RemovalPolicy getRemovalPolicy() {
    return removalPolicy;
  }

  /** Whether a created table has point-in-time recovery. */
  public boolean isPointInTimeRecovery() {
    return pointInTimeRecovery;
  }

  /** {@code MAINTENANCE_WINDOW_REFRESH_SECONDS} of guarded functions. */
  public int getRefreshSeconds() {
    return refreshSeconds;
  }

  /**
   * {@code MAINTENANCE_WINDOW_RETENTION_DAYS} of guarded functions; 0 leaves the variable unset.
   */
  public int getRetentionDays() {
    return retentionDays;
  }

  /**
   * {@code MAINTENANCE_WINDOW_ON_READ_ERROR} of guarded functions, or {@code null} to leave it
   * unset.
   */
  public String getOnReadError() {
    return onReadError;
  }

  /**
   * Whether a grant that cannot be added to a principal's role fails the synth instead of warning.
   */
  public boolean isRequireGrants() {
    return requireGrants;
  }

  /** Whether the window turns on Parameter Store's higher throughput for the account and region. */
  public boolean isHighThroughput() {
    return highThroughput;
  }

  /** {@code MAINTENANCE_WINDOW_MODE=observe} on guarded functions: every window is a rehearsal. */
  public boolean isObserve() {
    return observe;
  }

  /** Whether each guarded function gets the alarms of {@code WindowAlarms}. */
  public boolean isAlarms() {
    return alarms;
  }

  /** The topic the alarms notify, or {@code null}. */
  public ITopic getAlarmAction() {
    return alarmAction;
  }

  /** Whether the window gets a CloudWatch dashboard. */
  public boolean isDashboard() {
    return dashboard;
  }

  /** Builds {@link MaintenanceWindowProps}; each setter names its default. */
  public static final class Builder {
    private ILayerVersion layer;
    private String layerZip;
    private IStringParameter parameter;
    private String parameterName = DEFAULT_PARAMETER_NAME;
    private String initialWindowValue = CLOSED_WINDOW_VALUE;
    private ITable table;
    private String tableName;
    private IKey encryptionKey;
    private RemovalPolicy removalPolicy = RemovalPolicy.RETAIN;
    private boolean pointInTimeRecovery = true;
    private int refreshSeconds = DEFAULT_REFRESH_SECONDS;
    private int retentionDays;
    private String onReadError;
    private boolean requireGrants;
    private boolean highThroughput;
    private boolean observe;
    private boolean alarms;
    private ITopic alarmAction;
    private boolean dashboard;

    private Builder() {}

    /**
     * An existing layer (for example {@code LayerVersion.fromLayerVersionArn}) to attach instead of
     * creating one. Default: {@code null}, a layer version is created from {@link #layerZip}.
     */
    public Builder layer(ILayerVersion layer) {
      this.layer = layer;
      return this;
    }

    /**
     * A layer zip (docs/contracts.md layout) to create the layer from instead of the bundled one, a
     * path resolved against the working directory. Default: {@code null}, the layer zip this
     * library carries (the wrapper module's build of the same version), written out to a temporary
     * folder at synth. Ignored when {@link #layer} is set.
     */
    public Builder layerZip(String layerZip) {
      this.layerZip = layerZip;
      return this;
    }

    /**
     * An existing window parameter (for example {@code StringParameter.fromStringParameterName}).
     * Default: {@code null}, a String parameter named {@link #parameterName} is created.
     */
    public Builder parameter(IStringParameter parameter) {
      this.parameter = parameter;
      return this;
    }

    /**
     * The name of the window parameter to create. Default: {@value #DEFAULT_PARAMETER_NAME}, the
     * agent's default name. Ignored when {@link #parameter} is set.
     */
    public Builder parameterName(String parameterName) {
      this.parameterName = parameterName;
      return this;
    }

    /**
     * The value a created parameter starts with. Default: {@value #CLOSED_WINDOW_VALUE}, a closed
     * window. It is written once, when the parameter does not exist yet ({@code PutParameter} with
     * {@code Overwrite=false}), and never by a later deploy, whatever changed: windows are opened
     * and closed with {@code mw window} or {@code aws ssm put-parameter}, and a deploy during a
     * window leaves the window open.
     */
    public Builder initialWindowValue(String initialWindowValue) {
      this.initialWindowValue = initialWindowValue;
      return this;
    }

    /**
     * An existing table of deferred invocations (docs/contracts.md schema). Default: {@code null},
     * a table is created.
     */
    public Builder table(ITable table) {
      this.table = table;
      return this;
    }

    /**
     * The name of the table to create. Default: {@code null}, CloudFormation generates a unique
     * name, so that a table retained after {@code cdk destroy} does not block the next deploy;
     * guarded functions are told the actual name through {@code MAINTENANCE_WINDOW_TABLE}.
     */
    public Builder tableName(String tableName) {
      this.tableName = tableName;
      return this;
    }

    /**
     * A customer-managed KMS key to encrypt a created table with; guarded functions are then also
     * granted {@code kms:Encrypt}, {@code kms:GenerateDataKey} and {@code kms:Decrypt} on it.
     * Default: {@code null}, the AWS-managed key {@code alias/aws/dynamodb}, and no KMS statement.
     */
    public Builder encryptionKey(IKey encryptionKey) {
      this.encryptionKey = encryptionKey;
      return this;
    }

    /**
     * What happens to a created table, parameter and layer version when they leave the stack.
     * Default: {@link RemovalPolicy#RETAIN}: deferred invocations, the window value and the layer
     * outlive {@code cdk destroy}. {@link RemovalPolicy#DESTROY} deletes them with the stack.
     * {@link RemovalPolicy#SNAPSHOT} is refused at synth (CloudFormation cannot snapshot a table or
     * a parameter). Whatever the policy, a layer version replaced by a deploy is kept, so functions
     * still on it keep working.
     */
    public Builder removalPolicy(RemovalPolicy removalPolicy) {
      this.removalPolicy = removalPolicy;
      return this;
    }

    /** Point-in-time recovery of a created table. Default: {@code true}. */
    public Builder pointInTimeRecovery(boolean pointInTimeRecovery) {
      this.pointInTimeRecovery = pointInTimeRecovery;
      return this;
    }

    /**
     * {@code MAINTENANCE_WINDOW_REFRESH_SECONDS}: the longest time a guarded function uses a window
     * value before reading SSM again, 0 to {@value #MAX_REFRESH_SECONDS}. Default: {@value
     * #DEFAULT_REFRESH_SECONDS}.
     */
    public Builder refreshSeconds(int refreshSeconds) {
      this.refreshSeconds = refreshSeconds;
      return this;
    }

    /**
     * {@code MAINTENANCE_WINDOW_RETENTION_DAYS}: when greater than 0, deferred items expire that
     * many days after arrival (the table's TTL attribute {@code expiresAt}). Default: 0, the
     * variable is not set and items stay until replayed.
     */
    public Builder retentionDays(int retentionDays) {
      this.retentionDays = retentionDays;
      return this;
    }

    /**
     * {@code MAINTENANCE_WINDOW_ON_READ_ERROR}: {@code run-handler} or {@code defer}. Default:
     * {@code null}, the variable is not set and the agent fails open ({@code run-handler}).
     */
    public Builder onReadError(String onReadError) {
      this.onReadError = onReadError;
      return this;
    }

    /**
     * What {@code guard()} and the {@code grant*} methods do when the principal's role does not
     * accept the statements (a role imported with {@code mutable(false)}, or of another account):
     * {@code false} adds a synth warning (id {@code lambda-mw:grant-not-added}) naming each
     * statement to add by hand; {@code true} makes it an error, which fails the synth. Default:
     * {@code false}.
     */
    public Builder requireGrants(boolean requireGrants) {
      this.requireGrants = requireGrants;
      return this;
    }

    /**
     * Observe mode for every guarded function ({@code MAINTENANCE_WINDOW_MODE=observe}): a
     * rehearsal, in which handlers run as usual and each invocation a window would defer is logged
     * and counted ({@code WouldDeferInvocations}); nothing is stored. A single window can be
     * observed with {@code "mode":"observe"} in the value instead. Default: {@code false}, windows
     * defer (the variable is not set).
     */
    public Builder observe(boolean observe) {
      this.observe = observe;
      return this;
    }

    /**
     * Turns on Parameter Store's higher throughput ({@code
     * /ssm/parameter-store/high-throughput-enabled}) in the stack's account and region when the
     * stack deploys. Parameter Store serves 40 {@code GetParameter} per second by default, shared
     * by everything in the account and region; every guarded execution environment reads the window
     * at INIT and every {@link #refreshSeconds}, so a fleet that starts together can be throttled
     * (infra/README.md, "SSM throughput"). The setting is account-wide, charged per Parameter Store
     * API interaction for every parameter read there (AWS Systems Manager pricing), and stays on
     * when the stack is deleted. Default: {@code false}, the setting is not touched.
     */
    public Builder highThroughput(boolean highThroughput) {
      this.highThroughput = highThroughput;
      return this;
    }

    /**
     * CloudWatch alarms per guarded function: any {@code DeferralFailures} or {@code ReplayFailed}
     * in five minutes, {@code WindowReadFailures} in each of three consecutive five-minute periods
     * (infra/README.md). Default: {@code false}, no alarm.
     */
    public Builder alarms(boolean alarms) {
      this.alarms = alarms;
      return this;
    }

    /**
     * The SNS topic the alarms notify (to page someone); setting it turns {@link #alarms} on.
     * Default: {@code null}, alarms (if any) notify nobody.
     */
    public Builder alarmAction(ITopic alarmAction) {
      this.alarmAction = alarmAction;
      this.alarms = this.alarms || alarmAction != null;
      return this;
    }

    /**
     * A CloudWatch dashboard for the window: per guarded function, the window's open periods, what
     * it deferred and what failed, and the replay's outcomes (infra/README.md). Default: {@code
     * false}, no dashboard.
     */
    public Builder dashboard(boolean dashboard) {
      this.dashboard = dashboard;
      return this;
    }

    /** The props; their invariants are checked when the app synthesizes. */
    public MaintenanceWindowProps build() {
      return new MaintenanceWindowProps(this);
    }
  }
}
