package io.github.lambdamw.harness.ssm;

import java.time.Instant;

/**
 * A stored parameter, as {@code GetParameter} returns it.
 *
 * @param type {@code String} or {@code StringList}
 * @param version 1 when created, plus one per overwrite
 */
public record SsmParameter(
    String name, String type, String value, long version, Instant lastModifiedDate) {}
