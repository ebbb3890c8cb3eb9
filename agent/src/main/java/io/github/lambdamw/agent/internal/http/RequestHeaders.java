package io.github.lambdamw.agent.internal.http;

/**
 * Checks a request header before {@code HttpURLConnection} is given it. The JDK refuses a bare line
 * break in a value but accepts a folded one, silently drops the headers it sets itself, and names
 * the value in its message: a value here may be a credential (the session token).
 */
final class RequestHeaders {
  private RequestHeaders() {}

  /**
   * @throws IllegalArgumentException for a header the JDK sets itself ({@code Host}, {@code
   *     Content-Length}, {@code Connection}, {@code Transfer-Encoding}), or a name or value that
   *     would break the request's framing (CR, LF, other control characters, non-ASCII); the
   *     message names the header, never its value
   */
  static void check(String name, String value) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("an HTTP header without a name");
    }
    if (name.equalsIgnoreCase("Host")
        || name.equalsIgnoreCase("Content-Length")
        || name.equalsIgnoreCase("Connection")
        || name.equalsIgnoreCase("Transfer-Encoding")) {
      throw new IllegalArgumentException("the HTTP client sets the " + name + " header itself");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      // A token (RFC 9110, section 5.6.2): visible ASCII without separators.
      if (c <= ' ' || c >= 0x7f || c == ':' || c == '(' || c == ')' || c == '<' || c == '>'
          || c == '@' || c == ',' || c == ';' || c == '\\' || c == '"' || c == '/' || c == '['
          || c == ']' || c == '?' || c == '=' || c == '{' || c == '}') {
        throw new IllegalArgumentException("not a valid HTTP header name: " + printable(name));
      }
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      // CR or LF would end the header and let the value write headers of its own (or a second
      // request).
      if ((c < ' ' && c != '\t') || c >= 0x7f) {
        throw new IllegalArgumentException(
            "the value of HTTP header "
                + name
                + " holds a line break, a control or a non-ASCII character");
      }
    }
  }

  /** At most 80 characters of {@code text}, control characters shown as '?', for a message. */
  private static String printable(String text) {
    int length = Math.min(text.length(), 80);
    StringBuilder out = new StringBuilder(length + 3);
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      out.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    if (text.length() > length) {
      out.append("...");
    }
    return out.toString();
  }
}
