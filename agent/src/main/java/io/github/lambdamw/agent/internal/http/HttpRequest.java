package io.github.lambdamw.agent.internal.http;

import java.util.Map;

/**
 * The bytes of one {@code POST /} request: request line, headers, fixed-length body. Built into one array so that
 * the request leaves in one write (one TCP segment for the agent's small requests).
 */
final class HttpRequest {
  private HttpRequest() {}

  /**
   * @param host the {@code Host} value, exactly as it was signed
   * @param headers the other headers; the client's own ({@code Host}, {@code Content-Length}, {@code Connection},
   *     {@code Transfer-Encoding}) are refused
   * @throws IllegalArgumentException for a header the client sets itself, or a name or value that would break the
   *     request's framing (CR, LF, other control characters, non-ASCII); the message names the header, never its
   *     value, which may be a credential
   */
  static byte[] post(String host, String userAgent, Map<String, String> headers, byte[] body) {
    StringBuilder head = new StringBuilder(256 + 64 * headers.size());
    head.append("POST / HTTP/1.1\r\n");
    append(head, "Host", host);
    for (Map.Entry<String, String> header : headers.entrySet()) {
      String name = header.getKey();
      if (name.equalsIgnoreCase("Host")
          || name.equalsIgnoreCase("Content-Length")
          || name.equalsIgnoreCase("Connection")
          || name.equalsIgnoreCase("Transfer-Encoding")) {
        throw new IllegalArgumentException("the HTTP client sets the " + name + " header itself");
      }
      append(head, name, header.getValue());
    }
    append(head, "User-Agent", userAgent);
    head.append("Content-Length: ").append(body.length).append("\r\n\r\n");

    byte[] request = new byte[head.length() + body.length];
    for (int i = 0; i < head.length(); i++) {
      request[i] = (byte) head.charAt(i); // ASCII, checked by append
    }
    System.arraycopy(body, 0, request, head.length(), body.length);
    return request;
  }

  private static void append(StringBuilder head, String name, String value) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("an HTTP header without a name");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      // A token (RFC 9110, section 5.6.2): visible ASCII without separators.
      if (c <= ' ' || c >= 0x7f || c == ':' || c == '(' || c == ')' || c == '<' || c == '>' || c == '@'
          || c == ',' || c == ';' || c == '\\' || c == '"' || c == '/' || c == '[' || c == ']' || c == '?'
          || c == '=' || c == '{' || c == '}') {
        throw new IllegalArgumentException("not a valid HTTP header name: " + HttpResponseReader.printable(name));
      }
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      // CR or LF would end the header and let the value write headers of its own (or a second request).
      if ((c < ' ' && c != '\t') || c >= 0x7f) {
        throw new IllegalArgumentException(
            "the value of HTTP header " + name + " holds a line break, a control or a non-ASCII character");
      }
    }
    head.append(name).append(": ").append(value).append("\r\n");
  }
}
