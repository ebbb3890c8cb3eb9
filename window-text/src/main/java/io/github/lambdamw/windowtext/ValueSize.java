package io.github.lambdamw.windowtext;

import java.nio.charset.StandardCharsets;

/**
 * How big a window value may be: SSM's Standard tier holds 4 KB, the Advanced tier 8 KB (and costs
 * money). And how much of a value a message may quote: a terminal full of someone's 8 KB value
 * hides the one line that matters.
 */
public final class ValueSize {
  /** The Standard tier's limit, in bytes. */
  public static final int STANDARD_TIER_BYTES = 4096;

  /** The Advanced tier's limit, in bytes: no parameter can hold more. */
  public static final int ADVANCED_TIER_BYTES = 8192;

  /** The most characters a message quotes from a value. */
  public static final int MAX_QUOTED_CHARS = 300;

  private ValueSize() {}

  public static int bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8).length;
  }

  /** {@code text} itself when short, else its start and how much was left out. */
  public static String capped(String text) {
    if (text == null || text.length() <= MAX_QUOTED_CHARS) {
      return text;
    }
    return text.substring(0, MAX_QUOTED_CHARS)
        + "… ("
        + (text.length() - MAX_QUOTED_CHARS)
        + " more characters)";
  }
}
