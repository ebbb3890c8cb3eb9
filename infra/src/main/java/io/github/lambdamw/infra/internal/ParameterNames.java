package io.github.lambdamw.infra.internal;

import java.util.Locale;
import java.util.regex.Pattern;
import software.amazon.awscdk.Token;

/**
 * What SSM Parameter Store refuses as a parameter name, checked at synth so that a bad name fails
 * there rather than half-way through a deployment. The rules (AWS Systems Manager User Guide,
 * "Parameter name requirements"): letters, digits and {@code _.-}, with {@code /} for hierarchies;
 * a name with a {@code /} is fully qualified (starts with one); at most 15 levels; no {@code aws}
 * or {@code ssm} prefix, in any case, with or without the leading {@code /}; at most 1,011
 * characters including the ARN prefix, so we keep names to 900 characters. A name that is a token
 * is checked by SSM at deploy time only.
 */
public final class ParameterNames {

  /**
   * The longest name accepted here: 1,011 less room for the longest ARN prefix ({@code
   * arn:aws-us-gov:ssm:…}).
   */
  public static final int MAX_LENGTH = 900;

  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_.\\-]+");
  private static final int MAX_LEVELS = 15;

  private ParameterNames() {}

  /**
   * Why SSM would refuse {@code name}, or {@code null} when it would take it.
   *
   * @param setting the setting's name for the message, e.g. {@code parameterName}
   */
  public static String problem(String setting, String name) {
    if (name == null || name.isBlank()) {
      return setting + " is empty ('" + name + "'): name the SSM parameter of the window";
    }
    if (Token.isUnresolved(name)) {
      return null;
    }
    String quoted = setting + " '" + abbreviated(name) + "'";
    if (name.length() > MAX_LENGTH) {
      return quoted
          + " is "
          + name.length()
          + " characters long; SSM takes at most "
          + MAX_LENGTH
          + " here";
    }
    boolean qualified = name.startsWith("/");
    String path = qualified ? name.substring(1) : name;
    if (!qualified && path.contains("/")) {
      return quoted
          + " has a '/' but does not start with one: SSM takes hierarchies fully qualified ('/"
          + name
          + "')";
    }
    String[] segments = path.split("/", -1);
    for (String segment : segments) {
      if (!SEGMENT.matcher(segment).matches()) {
        return quoted
            + " is not a valid SSM parameter name: letters, digits and _.- only, levels separated by single '/',"
            + " no '/' at the end";
      }
    }
    if (segments.length > MAX_LEVELS) {
      return quoted + " has " + segments.length + " levels; SSM takes at most " + MAX_LEVELS;
    }
    String lower = path.toLowerCase(Locale.ROOT);
    if (lower.startsWith("aws") || lower.startsWith("ssm")) {
      return quoted
          + " starts with '"
          + path.substring(0, 3)
          + "': SSM reserves names beginning with aws or ssm";
    }
    return null;
  }

  private static String abbreviated(String name) {
    return name.length() <= 80
        ? name
        : name.substring(0, 60) + "…(" + name.length() + " characters)";
  }
}
