package io.github.lambdamw.harness.ssm;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The parameters, with SSM's rules for types, overwrite and versions. Thread-safe. */
final class ParameterStore {

  static final Set<String> TYPES = Set.of("String", "StringList");

  private final Map<String, SsmParameter> parameters = new LinkedHashMap<>();
  private final Clock clock;

  ParameterStore(Clock clock) {
    this.clock = clock;
  }

  synchronized SsmParameter get(String name) {
    return parameters.get(name);
  }

  /**
   * Creates or overwrites a parameter.
   *
   * @param type null keeps the existing type; required when creating
   * @return the stored parameter
   */
  synchronized SsmParameter put(String name, String value, String type, boolean overwrite) {
    if (name == null || name.isEmpty()) {
      throw SsmException.validation(
          "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member"
              + " must not be null");
    }
    if (value == null || value.isEmpty()) {
      throw SsmException.validation(
          "1 validation error detected: Value at 'value' failed to satisfy constraint: Member must"
              + " have length greater than or equal to 1");
    }
    if (type != null && !TYPES.contains(type)) {
      // SecureString is real SSM but not worth emulating here (no KMS): refuse loudly.
      throw SsmException.validation(
          "LocalSsm supports the parameter types " + TYPES + ", not " + type + ".");
    }
    SsmParameter existing = parameters.get(name);
    if (existing != null && !overwrite) {
      throw new SsmException(
          400,
          "ParameterAlreadyExists",
          "The parameter already exists. To overwrite this value, set the overwrite option in the"
              + " request to true.");
    }
    if (existing == null && type == null) {
      throw SsmException.validation("A parameter type is required when you create a parameter.");
    }
    SsmParameter stored =
        new SsmParameter(
            name,
            type != null ? type : existing.type(),
            value,
            existing == null ? 1 : existing.version() + 1,
            clock.instant());
    parameters.put(name, stored);
    return stored;
  }

  /** Deletes a parameter; false when there was none. */
  synchronized boolean delete(String name) {
    return parameters.remove(name) != null;
  }
}
