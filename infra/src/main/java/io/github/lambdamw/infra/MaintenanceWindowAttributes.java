package io.github.lambdamw.infra;

import software.amazon.awscdk.services.kms.IKey;

/**
 * What {@link MaintenanceWindow#fromAttributes} needs to use a window that another stack or app
 * deployed: its parameter, table and layer version, for example from that stack's outputs or from
 * SSM. Nothing is created; {@code guard()} and the {@code grant*} methods work as on a created
 * window.
 */
public final class MaintenanceWindowAttributes {

  private final String parameterName;
  private final String tableName;
  private final String layerVersionArn;
  private final IKey tableEncryptionKey;
  private final int refreshSeconds;
  private final boolean requireGrants;

  private MaintenanceWindowAttributes(Builder builder) {
    this.parameterName = builder.parameterName;
    this.tableName = builder.tableName;
    this.layerVersionArn = builder.layerVersionArn;
    this.tableEncryptionKey = builder.tableEncryptionKey;
    this.refreshSeconds = builder.refreshSeconds;
    this.requireGrants = builder.requireGrants;
  }

  /** A builder; the parameter name, table name and layer version ARN are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The window parameter's name. */
  public String getParameterName() {
    return parameterName;
  }

  /** The table of deferred invocations. */
  public String getTableName() {
    return tableName;
  }

  /** The layer version guarded functions get. */
  public String getLayerVersionArn() {
    return layerVersionArn;
  }

  /** The table's customer-managed key, or {@code null}. */
  public IKey getTableEncryptionKey() {
    return tableEncryptionKey;
  }

  /**
   * {@code MAINTENANCE_WINDOW_REFRESH_SECONDS} of functions guarded through the imported window.
   */
  public int getRefreshSeconds() {
    return refreshSeconds;
  }

  /**
   * Whether a grant that cannot be added fails the synth ({@link
   * MaintenanceWindowProps.Builder#requireGrants}).
   */
  public boolean isRequireGrants() {
    return requireGrants;
  }

  /** Builds {@link MaintenanceWindowAttributes}. */
  public static final class Builder {
    private String parameterName;
    private String tableName;
    private String layerVersionArn;
    private IKey tableEncryptionKey;
    private int refreshSeconds = MaintenanceWindowProps.DEFAULT_REFRESH_SECONDS;
    private boolean requireGrants;

    private Builder() {}

    /** The window parameter's name (the other stack's {@code ParameterName} output). Required. */
    public Builder parameterName(String parameterName) {
      this.parameterName = parameterName;
      return this;
    }

    /** The table's name (the other stack's {@code TableName} output). Required. */
    public Builder tableName(String tableName) {
      this.tableName = tableName;
      return this;
    }

    /** The layer version's ARN (the other stack's {@code LayerVersionArn} output). Required. */
    public Builder layerVersionArn(String layerVersionArn) {
      this.layerVersionArn = layerVersionArn;
      return this;
    }

    /**
     * The table's customer-managed key; guarded functions then also get {@link
     * MaintenanceWindow#KEY_ACTIONS} on it. Default: {@code null}, an AWS-managed key.
     */
    public Builder tableEncryptionKey(IKey tableEncryptionKey) {
      this.tableEncryptionKey = tableEncryptionKey;
      return this;
    }

    /**
     * {@code MAINTENANCE_WINDOW_REFRESH_SECONDS}. Default: {@value
     * MaintenanceWindowProps#DEFAULT_REFRESH_SECONDS}.
     */
    public Builder refreshSeconds(int refreshSeconds) {
      this.refreshSeconds = refreshSeconds;
      return this;
    }

    /** As {@link MaintenanceWindowProps.Builder#requireGrants}. Default: {@code false}. */
    public Builder requireGrants(boolean requireGrants) {
      this.requireGrants = requireGrants;
      return this;
    }

    /** The attributes; {@link MaintenanceWindow#fromAttributes} checks them. */
    public MaintenanceWindowAttributes build() {
      return new MaintenanceWindowAttributes(this);
    }
  }
}
