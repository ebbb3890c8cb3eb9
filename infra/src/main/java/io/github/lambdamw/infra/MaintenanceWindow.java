package io.github.lambdamw.infra;

import io.github.lambdamw.infra.internal.BundledAssets;
import io.github.lambdamw.infra.internal.CheckedGrants;
import io.github.lambdamw.infra.internal.ExecWrapperChain;
import io.github.lambdamw.infra.internal.HighThroughputSetting;
import io.github.lambdamw.infra.internal.LayerOfOtherStacks;
import io.github.lambdamw.infra.internal.OnceWrittenParameter;
import io.github.lambdamw.infra.internal.ParameterNames;
import io.github.lambdamw.infra.internal.Runtimes;
import io.github.lambdamw.infra.internal.StackOutputs;
import io.github.lambdamw.infra.internal.WindowAlarms;
import io.github.lambdamw.infra.internal.WindowDashboard;
import io.github.lambdamw.infra.internal.WindowMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awscdk.CfnDeletionPolicy;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableAttributes;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.ILayerVersion;
import software.amazon.awscdk.services.lambda.LayerVersion;
import software.amazon.awscdk.services.ssm.IStringParameter;
import software.constructs.Construct;
import software.constructs.IConstruct;
import software.constructs.IDependable;

/**
 * Maintenance windows for Lambda Java functions: the layer (wrapper script and agent), the SSM
 * parameter holding the window, and the DynamoDB table where guarded functions store invocations
 * while a window is open.
 *
 * <p>{@link #guard(IFunction)} attaches all of it to a function without touching its code; {@link
 * MaintenanceWindowAspect} does so for every Java function in a scope. The created table is the
 * main child ({@code "Resource"}); the parameter is {@code "Parameter"} and the layer {@code
 * "Layer"}.
 *
 * <p>The functions' deferred invocations are given back after the window by a {@link
 * MaintenanceWindowReplay}, one per guarded function. Functions inside this construct or inside a
 * replay are never guarded by the aspect.
 */
public class MaintenanceWindow extends Construct {

  /** Where Lambda finds the wrapper script of the layer (docs/contracts.md). */
  public static final String EXEC_WRAPPER_PATH = "/opt/maintenance-window/wrapper";

  /**
   * The variable in which {@link #guard} keeps a guarded function's previous {@code
   * AWS_LAMBDA_EXEC_WRAPPER} (another tool's wrapper): the layer's wrapper adds the agent, then
   * runs that one.
   */
  public static final String NEXT_WRAPPER_VARIABLE = ExecWrapperChain.NEXT;

  /** The table's partition key: the guarded function's name. */
  public static final String PARTITION_KEY = "functionName";

  /** The table's sort key: Lambda's request id. */
  public static final String SORT_KEY = "requestId";

  /** The index giving a function's deferred invocations in arrival order. */
  public static final String ARRIVAL_INDEX = "byArrival";

  /** The sort key of {@link #ARRIVAL_INDEX}: {@code <epoch millis, 13 digits>#<requestId>}. */
  public static final String ARRIVAL_KEY = "arrivalKey";

  /** The TTL attribute (epoch seconds), written when retention is configured. */
  public static final String TTL_ATTRIBUTE = "expiresAt";

  /** The only action guarded functions get on the parameter. */
  public static final String PARAMETER_ACTION = "ssm:GetParameter";

  /** The only action guarded functions get on the table. */
  public static final String TABLE_ACTION = "dynamodb:PutItem";

  /**
   * What {@link #grantOperate} gives on the parameter: read it, and write it to open or close a
   * window.
   */
  public static final List<String> OPERATE_ACTIONS =
      List.of("ssm:GetParameter", "ssm:PutParameter");

  /** What guarded functions get on a customer-managed key of the table, and only then. */
  public static final List<String> KEY_ACTIONS =
      List.of("kms:Encrypt", "kms:GenerateDataKey", "kms:Decrypt");

  // SSM: letters, digits and _.-/ ; at most 1011 characters after an optional leading slash.
  private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_.\\-]{3,255}");
  private static final Set<String> ON_READ_ERROR = Set.of("run-handler", "defer");

  private final ILayerVersion layer;
  private final IStringParameter parameter;
  private final ITable table;
  private final IKey tableKey;
  private final MaintenanceWindowProps props;
  private final Set<Function> guarded = new LinkedHashSet<>();
  private IDependable parameterWriter;
  private String createdParameterName;
  private LayerOfOtherStacks createdLayer;
  private final List<Alarm> alarms = new ArrayList<>();
  private final WindowDashboard dashboard;

  /** A maintenance window with every default of {@link MaintenanceWindowProps}. */
  public MaintenanceWindow(Construct scope, String id) {
    this(scope, id, MaintenanceWindowProps.builder().build());
  }

  /** A maintenance window with the given settings. */
  @SuppressWarnings(
      "this-escape") // a construct passes itself as the scope of its children: CDK's pattern
  public MaintenanceWindow(Construct scope, String id, MaintenanceWindowProps props) {
    super(scope, id);
    this.props = props;
    this.layer = props.getLayer() != null ? props.getLayer() : createLayer(props.getLayerZip());
    this.parameter = props.getParameter() != null ? props.getParameter() : createParameter();
    if (props.getTable() != null) {
      this.table = props.getTable();
      this.tableKey = table.getEncryptionKey();
    } else {
      this.tableKey = props.getEncryptionKey();
      this.table = createTable();
    }
    if (props.isHighThroughput()) {
      HighThroughputSetting.enable(this, "HighThroughput");
    }
    this.dashboard =
        props.isDashboard()
            ? new WindowDashboard(this, "Dashboard", parameter.getParameterName())
            : null;
    getNode().addValidation(this::validateProps);
    StackOutputs.ofWindow(this, table.getTableName(), parameter.getParameterName());
  }

  /**
   * A window deployed elsewhere (another stack of this app or another app), to guard functions with
   * and to grant on. Nothing is created: the parameter, table and layer version are referred to by
   * name and ARN.
   *
   * @throws IllegalArgumentException when a required attribute is missing or the parameter name is
   *     one SSM refuses
   */
  public static MaintenanceWindow fromAttributes(
      Construct scope, String id, MaintenanceWindowAttributes attributes) {
    return new MaintenanceWindow(scope, id, attributes);
  }

  @SuppressWarnings(
      "this-escape") // a construct passes itself as the scope of its children: CDK's pattern
  private MaintenanceWindow(Construct scope, String id, MaintenanceWindowAttributes attributes) {
    super(scope, id);
    List<String> missing = new ArrayList<>();
    String nameProblem = ParameterNames.problem("parameterName", attributes.getParameterName());
    if (nameProblem != null) {
      missing.add(nameProblem);
    }
    if (attributes.getTableName() == null || attributes.getTableName().isBlank()) {
      missing.add("tableName is not set");
    }
    if (attributes.getLayerVersionArn() == null || attributes.getLayerVersionArn().isBlank()) {
      missing.add("layerVersionArn is not set");
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "MaintenanceWindow.fromAttributes: " + String.join("; ", missing));
    }
    this.props =
        MaintenanceWindowProps.builder()
            .refreshSeconds(attributes.getRefreshSeconds())
            .requireGrants(attributes.isRequireGrants())
            .build();
    this.layer = LayerVersion.fromLayerVersionArn(this, "Layer", attributes.getLayerVersionArn());
    this.parameter =
        OnceWrittenParameter.imported(this, "Parameter", attributes.getParameterName());
    this.tableKey = attributes.getTableEncryptionKey();
    this.table =
        Table.fromTableAttributes(
            this,
            "Table",
            TableAttributes.builder()
                .tableName(attributes.getTableName())
                .encryptionKey(tableKey)
                .globalIndexes(List.of(ARRIVAL_INDEX))
                .build());
    this.dashboard = null; // a window from attributes has no alarms or dashboard of its own
    getNode().addValidation(this::validateProps);
  }

  private ILayerVersion createLayer(String explicitZip) {
    String zip = explicitZip == null ? BundledAssets.layerZip() : explicitZip;
    if (zip.isBlank()) {
      throw new IllegalArgumentException(
          "MaintenanceWindow: layerZip is empty; leave it unset for the layer this library carries");
    }
    Path path = Path.of(zip);
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException(
          "MaintenanceWindow: layer zip '"
              + zip
              + "' not found (resolved to "
              + path.toAbsolutePath().normalize()
              + "); pass another zip, or leave layerZip unset for the layer this library carries");
    }
    LayerVersion created =
        LayerVersion.Builder.create(this, "Layer")
            .code(Code.fromAsset(zip))
            .compatibleRuntimes(Runtimes.compatible())
            .compatibleArchitectures(List.of(Architecture.X86_64, Architecture.ARM_64))
            .license("Apache-2.0")
            .description("Maintenance windows for Lambda Java functions: wrapper script and agent")
            .removalPolicy(
                removalPolicy() == RemovalPolicy.DESTROY
                    ? RemovalPolicy.DESTROY
                    : RemovalPolicy.RETAIN)
            .build();
    // A new zip replaces the layer version: the old one stays, so functions of other stacks still
    // on it (and the
    // LayerVersionArn they were given) keep working until they are deployed again.
    CfnResource resource = (CfnResource) created.getNode().getDefaultChild();
    resource.getCfnOptions().setUpdateReplacePolicy(CfnDeletionPolicy.RETAIN);
    this.createdLayer = new LayerOfOtherStacks(this, created);
    return created;
  }

  private IStringParameter createParameter() {
    String problem = ParameterNames.problem("parameterName", props.getParameterName());
    if (problem != null) {
      throw new IllegalArgumentException("MaintenanceWindow: " + problem);
    }
    OnceWrittenParameter created =
        new OnceWrittenParameter(
            this,
            "Parameter",
            props.getParameterName(),
            props.getInitialWindowValue() == null ? "" : props.getInitialWindowValue(),
            "Maintenance window of the guarded Lambda functions (JSON windows or start,end)",
            removalPolicy());
    this.parameterWriter = created.writer();
    this.createdParameterName = props.getParameterName();
    return created.parameter();
  }

  private RemovalPolicy removalPolicy() {
    return props.getRemovalPolicy() != null ? props.getRemovalPolicy() : RemovalPolicy.RETAIN;
  }

  private ITable createTable() {
    Attribute functionName =
        Attribute.builder().name(PARTITION_KEY).type(AttributeType.STRING).build();
    Table created =
        Table.Builder.create(this, "Resource")
            .tableName(props.getTableName())
            .partitionKey(functionName)
            .sortKey(Attribute.builder().name(SORT_KEY).type(AttributeType.STRING).build())
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .timeToLiveAttribute(TTL_ATTRIBUTE)
            .pointInTimeRecoverySpecification(
                PointInTimeRecoverySpecification.builder()
                    .pointInTimeRecoveryEnabled(props.isPointInTimeRecovery())
                    .build())
            .encryption(
                tableKey != null ? TableEncryption.CUSTOMER_MANAGED : TableEncryption.AWS_MANAGED)
            .encryptionKey(tableKey)
            .removalPolicy(
                removalPolicy() == RemovalPolicy.SNAPSHOT ? RemovalPolicy.RETAIN : removalPolicy())
            .build();
    created.addGlobalSecondaryIndex(
        GlobalSecondaryIndexProps.builder()
            .indexName(ARRIVAL_INDEX)
            .partitionKey(functionName)
            .sortKey(Attribute.builder().name(ARRIVAL_KEY).type(AttributeType.STRING).build())
            .projectionType(ProjectionType.ALL)
            .build());
    return created;
  }

  private List<String> validateProps() {
    List<String> errors = new ArrayList<>();
    if (props.getParameter() == null) {
      String value = props.getInitialWindowValue();
      if (value == null || value.isEmpty()) {
        errors.add(
            "initialWindowValue is empty: use " + MaintenanceWindowProps.CLOSED_WINDOW_VALUE);
      }
    }
    String tableName = props.getTableName();
    if (props.getTable() == null
        && tableName != null
        && !Token.isUnresolved(tableName)
        && !TABLE_NAME.matcher(tableName).matches()) {
      errors.add(
          "tableName '"
              + tableName
              + "' is not a valid DynamoDB table name (3-255 of A-Za-z0-9_.-)");
    }
    String sharedWith = otherWindowWithTheSameParameter();
    if (sharedWith != null) {
      errors.add(
          "parameterName '"
              + createdParameterName
              + "' is also the parameter of the MaintenanceWindow "
              + sharedWith
              + " in the same account and region: two windows would write one parameter. Give each its own"
              + " parameterName, or share one window: pass the other window to guard() (it may be in another"
              + " stack), or import it with MaintenanceWindow.fromAttributes");
    }
    if (props.getRemovalPolicy() == RemovalPolicy.SNAPSHOT) {
      errors.add(
          "removalPolicy SNAPSHOT is not supported: CloudFormation cannot snapshot a DynamoDB table or an SSM"
              + " parameter; use RETAIN (the default; back the table up with point-in-time recovery) or DESTROY");
    }
    if (props.getTable() != null && props.getEncryptionKey() != null) {
      errors.add(
          "encryptionKey applies to a created table only; an existing table brings its own key");
    }
    int refresh = props.getRefreshSeconds();
    if (refresh < 0 || refresh > MaintenanceWindowProps.MAX_REFRESH_SECONDS) {
      errors.add(
          "refreshSeconds "
              + refresh
              + " is out of range 0.."
              + MaintenanceWindowProps.MAX_REFRESH_SECONDS);
    }
    if (props.getRetentionDays() < 0) {
      errors.add("retentionDays " + props.getRetentionDays() + " is negative");
    }
    String onReadError = props.getOnReadError();
    if (onReadError != null && !ON_READ_ERROR.contains(onReadError)) {
      errors.add("onReadError '" + onReadError + "' is neither run-handler nor defer");
    }
    return errors;
  }

  /**
   * The path of another window of this app that creates the same parameter in the same place, or
   * {@code null}.
   */
  private String otherWindowWithTheSameParameter() {
    if (createdParameterName == null || Token.isUnresolved(createdParameterName)) {
      return null;
    }
    for (IConstruct other : getNode().getRoot().getNode().findAll()) {
      if (other != this
          && other instanceof MaintenanceWindow
          && createdParameterName.equals(((MaintenanceWindow) other).createdParameterName)
          && samePlace(Stack.of(this), Stack.of(other))) {
        return other.getNode().getPath();
      }
    }
    return null;
  }

  /**
   * Whether two stacks may deploy to the same account and region (an environment-agnostic one may
   * go anywhere).
   */
  private static boolean samePlace(Stack a, Stack b) {
    return maySame(a.getAccount(), b.getAccount()) && maySame(a.getRegion(), b.getRegion());
  }

  private static boolean maySame(String a, String b) {
    return Token.isUnresolved(a) || Token.isUnresolved(b) || a.equals(b);
  }

  /**
   * Guards a function: adds the layer, sets {@code AWS_LAMBDA_EXEC_WRAPPER} and the agent's
   * variables, and grants exactly {@value #PARAMETER_ACTION} on the parameter and {@value
   * #TABLE_ACTION} on the table (plus {@link #KEY_ACTIONS} on the table's customer-managed key,
   * when it has one). Guarding a function twice changes nothing.
   *
   * <p>Another tool's exec wrapper (ADOT's {@code /opt/otel-handler}, Datadog's, ...) is never
   * replaced: it moves to {@value #NEXT_WRAPPER_VARIABLE} and the layer's wrapper runs it after
   * adding the agent. A wrapper set after this call is chained the same way late in synth; one that
   * cannot be (two other wrappers, or set after that) fails the synth with a message saying what to
   * set.
   *
   * @param function a {@link Function} of this app on java17, java21 or java25
   * @throws IllegalArgumentException for an imported function (its layers and environment cannot be
   *     changed from here), a runtime the agent cannot guard, or two exec wrappers already set
   */
  public void guard(IFunction function) {
    if (!(function instanceof Function fn)) {
      throw new IllegalArgumentException(
          "MaintenanceWindow.guard: "
              + function.getNode().getPath()
              + " is not a Function defined in this app (imported or a singleton), so its layers and"
              + " environment cannot be set here; attach the layer and variables where it is defined"
              + " (infra/README.md, 'Guarding a function CDK does not manage')");
    }
    if (!guarded.add(fn)) {
      return;
    }
    String why = Runtimes.whyNotGuardable(fn.getRuntime());
    if (why != null) {
      guarded.remove(fn);
      throw new IllegalArgumentException(
          "MaintenanceWindow.guard: cannot guard " + fn.getNode().getPath() + ": " + why);
    }
    try {
      ExecWrapperChain.install(
          fn, EXEC_WRAPPER_PATH); // first: it refuses before it changes anything
    } catch (IllegalArgumentException e) {
      guarded.remove(fn);
      throw e;
    }
    fn.addLayers(layerFor(fn));
    if (parameterWriter != null) {
      // the name is a literal, not a reference: say explicitly that the parameter comes first
      fn.getNode().addDependency(parameterWriter);
    }
    fn.addEnvironment("MAINTENANCE_WINDOW_PARAMETER", parameter.getParameterName());
    fn.addEnvironment("MAINTENANCE_WINDOW_TABLE", table.getTableName());
    fn.addEnvironment(
        "MAINTENANCE_WINDOW_REFRESH_SECONDS", Integer.toString(props.getRefreshSeconds()));
    if (props.getRetentionDays() > 0) {
      fn.addEnvironment(
          "MAINTENANCE_WINDOW_RETENTION_DAYS", Integer.toString(props.getRetentionDays()));
    }
    if (props.getOnReadError() != null) {
      fn.addEnvironment("MAINTENANCE_WINDOW_ON_READ_ERROR", props.getOnReadError());
    }
    if (props.isObserve()) {
      fn.addEnvironment("MAINTENANCE_WINDOW_MODE", "observe");
    }
    watch(fn);
    CheckedGrants grants = new CheckedGrants(fn, props.isRequireGrants());
    guardGrants(grants, fn);
    grants.report(fn, "MaintenanceWindow.guard(" + fn.getNode().getPath() + ")");
  }

  /**
   * Grants what a guarded function's agent needs: {@value #PARAMETER_ACTION} on the parameter,
   * {@value #TABLE_ACTION} on the table, and {@link #KEY_ACTIONS} on the table's customer-managed
   * key when it has one. {@link #guard} calls it; use it for a function guarded outside CDK whose
   * role this app manages. A principal that does not accept the statements (an immutable or foreign
   * role) gets a synth warning naming them, or an error with {@link
   * MaintenanceWindowProps.Builder#requireGrants}.
   */
  public Grant grantGuard(IGrantable grantee) {
    CheckedGrants grants = new CheckedGrants(reportOn(grantee), props.isRequireGrants());
    Grant grant = guardGrants(grants, grantee);
    grants.report(grantee, "MaintenanceWindow.grantGuard");
    return grant;
  }

  /**
   * Grants what people (or pipelines) who open and close windows need: {@link #OPERATE_ACTIONS} on
   * the parameter, what {@code mw window open|close|status} and {@code aws ssm put-parameter} use.
   * Reported like {@link #grantGuard}.
   */
  public Grant grantOperate(IGrantable grantee) {
    CheckedGrants grants = new CheckedGrants(reportOn(grantee), props.isRequireGrants());
    Grant grant = grants.grant(grantee, OPERATE_ACTIONS, parameter.getParameterArn());
    grants.report(grantee, "MaintenanceWindow.grantOperate");
    return grant;
  }

  /**
   * Grants what a replay of any guarded function needs on the window's resources (replay/README.md,
   * "IAM"): {@value MaintenanceWindowReplay#QUERY_ACTION} on the table's arrival index, {@link
   * MaintenanceWindowReplay#ITEM_ACTIONS} on the table, {@value #PARAMETER_ACTION} on the
   * parameter, and {@link #KEY_ACTIONS} on a customer-managed key. Not {@code
   * lambda:InvokeFunction}: that one names the functions, see {@link MaintenanceWindowReplay},
   * which also narrows the table rights to one function's items. Reported like {@link #grantGuard}.
   */
  public Grant grantReplay(IGrantable grantee) {
    CheckedGrants grants = new CheckedGrants(reportOn(grantee), props.isRequireGrants());
    List<Grant> all = new ArrayList<>();
    all.add(
        grants.grant(
            grantee,
            List.of(MaintenanceWindowReplay.QUERY_ACTION),
            table.getTableArn() + "/index/" + ARRIVAL_INDEX));
    all.add(grants.grant(grantee, MaintenanceWindowReplay.ITEM_ACTIONS, table.getTableArn()));
    all.add(grants.grant(grantee, List.of(PARAMETER_ACTION), parameter.getParameterArn()));
    if (tableKey != null) {
      all.add(grants.grant(grantee, KEY_ACTIONS, tableKey.getKeyArn()));
    }
    grants.report(grantee, "MaintenanceWindow.grantReplay");
    return CheckedGrants.combine(all);
  }

  /** The alarms and the dashboard row of a newly guarded function, when the props ask for them. */
  private void watch(Function fn) {
    if (props.isAlarms()) {
      alarms.addAll(
          new WindowAlarms(this, "Alarms" + fn.getNode().getAddr(), fn, props.getAlarmAction())
              .getAlarms());
    }
    if (dashboard != null) {
      dashboard.addFunction(fn);
    }
  }

  /**
   * Invocations of {@code function} stored in the table ({@code DeferredInvocations}), summed over
   * 5 minutes.
   */
  public Metric metricDeferred(IFunction function) {
    return WindowMetrics.of(function, WindowMetrics.DEFERRED);
  }

  /**
   * Invocations of {@code function} that arrived in a window and could not be stored ({@code
   * DeferralFailures}: they failed, and are only in Lambda's retries), summed over 5 minutes.
   */
  public Metric metricDeferralFailures(IFunction function) {
    return WindowMetrics.of(function, WindowMetrics.DEFERRAL_FAILURES);
  }

  /**
   * Failed reads of the window value by {@code function} ({@code WindowReadFailures}), summed over
   * 5 minutes.
   */
  public Metric metricWindowReadFailures(IFunction function) {
    return WindowMetrics.of(function, WindowMetrics.WINDOW_READ_FAILURES);
  }

  /**
   * Replayed invocations of {@code function} that failed ({@code ReplayFailed}), summed over 5
   * minutes.
   */
  public Metric metricReplayFailed(IFunction function) {
    return WindowMetrics.of(function, WindowMetrics.REPLAY_FAILED);
  }

  /** The alarms created so far (props {@code alarms}), three per guarded function. */
  public List<Alarm> getAlarms() {
    return List.copyOf(alarms);
  }

  /** The window's dashboard (props {@code dashboard}), or {@code null}. */
  public Dashboard getDashboard() {
    return dashboard == null ? null : dashboard.getDashboard();
  }

  private Grant guardGrants(CheckedGrants grants, IGrantable grantee) {
    List<Grant> all = new ArrayList<>();
    all.add(grants.grant(grantee, List.of(PARAMETER_ACTION), parameter.getParameterArn()));
    all.add(grants.grant(grantee, List.of(TABLE_ACTION), table.getTableArn()));
    if (tableKey != null) {
      all.add(grants.grant(grantee, KEY_ACTIONS, tableKey.getKeyArn()));
    }
    return CheckedGrants.combine(all);
  }

  private Construct reportOn(IGrantable grantee) {
    return grantee instanceof Construct ? (Construct) grantee : this;
  }

  /**
   * The layer for {@code fn}: the window's own; in another stack, the same version by its ARN
   * (LayerOfOtherStacks).
   */
  private ILayerVersion layerFor(Function fn) {
    return createdLayer == null ? layer : createdLayer.in(Stack.of(fn));
  }

  /** The layer guarded functions get. */
  public ILayerVersion getLayer() {
    return layer;
  }

  /** The window parameter. */
  public IStringParameter getParameter() {
    return parameter;
  }

  /** The table of deferred invocations. */
  public ITable getTable() {
    return table;
  }

  /** The customer-managed key of the table, or {@code null} when it uses an AWS key. */
  public IKey getTableKey() {
    return tableKey;
  }

  /**
   * {@code MAINTENANCE_WINDOW_REFRESH_SECONDS} of the guarded functions: how stale their window
   * value may be.
   */
  public int getRefreshSeconds() {
    return props.getRefreshSeconds();
  }

  /** The functions guarded so far, in the order they were guarded. */
  public List<Function> getGuardedFunctions() {
    return Collections.unmodifiableList(new ArrayList<>(guarded));
  }

  /**
   * Whether {@code construct} is a window or a replay, sits inside one, or is the provider of the
   * custom resource writing the window parameter: such functions are the tooling of the windows and
   * are never guarded.
   */
  static boolean isPartOfAnyWindow(IConstruct construct) {
    if (construct.getNode().getId().equals(OnceWrittenParameter.providerFunctionId())) {
      return true; // aws-cdk-lib's custom-resource provider, which writes the window parameter
    }
    for (var scope : construct.getNode().getScopes()) {
      if (scope instanceof MaintenanceWindow || scope instanceof MaintenanceWindowReplay) {
        return true;
      }
    }
    return false;
  }
}
