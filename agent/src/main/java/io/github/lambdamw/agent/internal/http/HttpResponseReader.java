package io.github.lambdamw.agent.internal.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads HTTP/1.1 answers from one connection: status line, headers, and a body delimited by {@code Content-Length},
 * by {@code Transfer-Encoding: chunked}, or by the end of the stream (RFC 9112, section 6.3). Interim 1xx answers are
 * skipped. Both the head and the body are bounded, so a broken or hostile endpoint costs the agent an IOException,
 * not its memory.
 *
 * <p>It buffers itself instead of using a {@code BufferedInputStream}: lines are read byte by byte, and it must know
 * whether any byte of the answer arrived ({@link #started()}) and whether bytes follow the answer (then the connection
 * is not reused).
 */
final class HttpResponseReader {
  /** Status line, headers and trailers of one answer together, interim answers included. */
  static final int MAX_HEAD_BYTES = 64 * 1024;

  /** SSM and DynamoDB answers are kilobytes; an item is at most 400 KB. */
  static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

  /** A chunk-size line with its extensions; the agent's endpoints send none. */
  static final int MAX_CHUNK_LINE_BYTES = 4096;

  private static final byte[] EMPTY = new byte[0];

  private final InputStream in;
  private final byte[] buffer = new byte[8192];
  private int position;
  private int limit;
  private boolean started;
  private int headBytes;

  HttpResponseReader(InputStream in) {
    this.in = in;
  }

  /**
   * Whether any byte of the current answer has arrived. A reused connection that fails before that is most likely one
   * the server had already closed: the request can be sent again on a new one.
   */
  boolean started() {
    return started;
  }

  /**
   * Whether bytes arrived that no request asked for, e.g. a "408 Request Timeout" some servers send on an idle
   * connection before closing it: read as the next request's answer, it would be wrong. Sees what the kernel holds
   * for a plain socket; for TLS only what is already decrypted (the rest surfaces as a malformed or wrong answer).
   */
  boolean holdsUnrequestedBytes() {
    try {
      return position < limit || in.available() > 0;
    } catch (IOException e) {
      return true; // unusable either way
    }
  }

  /** Called before each request is written: from then on, {@link #started()} is about its answer. */
  void expectAnswer() {
    started = false;
    headBytes = 0;
  }

  /** Reads the answer to the request just written, interim 1xx answers skipped. */
  HttpAnswer read() throws IOException {
    while (true) {
      String statusLine = readHeadLine(true);
      int status = status(statusLine);
      // HTTP/1.0 closes after every answer unless it says keep-alive (RFC 9112, section 9.3).
      boolean http11 = statusLine.charAt(7) == '1';
      long contentLength = -1;
      boolean chunked = false;
      boolean otherCoding = false;
      boolean close = !http11;
      while (true) {
        String line = readHeadLine(false);
        if (line.isEmpty()) {
          break;
        }
        int colon = line.indexOf(':');
        if (colon <= 0 || line.charAt(colon - 1) == ' ' || line.charAt(colon - 1) == '\t') {
          // Also a folded (obsolete) continuation line: no AWS endpoint sends one.
          throw new IOException("malformed HTTP header line: " + printable(line));
        }
        String name = line.substring(0, colon);
        String value = line.substring(colon + 1).strip();
        if (name.equalsIgnoreCase("Content-Length")) {
          long length = contentLength(value);
          if (contentLength != -1 && contentLength != length) {
            throw new IOException("HTTP answer with conflicting Content-Length headers");
          }
          contentLength = length;
        } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
          // Chunked must be the last coding; anything else is delimited by the end of the stream.
          String last = lastToken(value);
          chunked = last.equalsIgnoreCase("chunked");
          otherCoding = !chunked;
        } else if (name.equalsIgnoreCase("Connection")) {
          if (hasToken(value, "close")) {
            close = true;
          } else if (!http11 && hasToken(value, "keep-alive")) {
            close = false;
          }
        }
      }
      if (status >= 100 && status < 200) {
        if (status == 101) {
          throw new IOException("unexpected HTTP 101 Switching Protocols: the agent asked for no upgrade");
        }
        continue; // 100 Continue, 103 Early Hints: the real answer follows
      }
      byte[] body;
      boolean delimited = true;
      if (status == 204 || status == 304) {
        body = EMPTY;
      } else if (chunked) {
        body = readChunked();
        // Content-Length beside Transfer-Encoding is how requests are smuggled: use the answer, not the connection.
        delimited = contentLength == -1;
      } else if (otherCoding || contentLength == -1) {
        body = readToEnd();
        delimited = false;
      } else {
        body = readFixed(contentLength);
      }
      boolean reusable = delimited && !close && position == limit;
      return new HttpAnswer(status, body, reusable);
    }
  }

  private static int status(String line) throws IOException {
    // "HTTP/1.1 200 OK"; the reason phrase may be empty or missing.
    boolean wellFormed =
        line.length() >= 12
            && line.startsWith("HTTP/1.")
            && (line.charAt(7) == '0' || line.charAt(7) == '1')
            && line.charAt(8) == ' '
            && isDigit(line.charAt(9))
            && isDigit(line.charAt(10))
            && isDigit(line.charAt(11))
            && (line.length() == 12 || line.charAt(12) == ' ');
    if (!wellFormed) {
      throw new IOException("malformed HTTP status line: " + printable(line));
    }
    return (line.charAt(9) - '0') * 100 + (line.charAt(10) - '0') * 10 + (line.charAt(11) - '0');
  }

  private static long contentLength(String value) throws IOException {
    if (value.isEmpty() || value.length() > 18) {
      throw new IOException("malformed HTTP Content-Length: " + printable(value));
    }
    long length = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!isDigit(c)) {
        throw new IOException("malformed HTTP Content-Length: " + printable(value));
      }
      length = length * 10 + (c - '0');
    }
    return length;
  }

  private byte[] readFixed(long length) throws IOException {
    if (length > MAX_BODY_BYTES) {
      throw tooLarge(length);
    }
    byte[] body = new byte[(int) length];
    int read = 0;
    while (read < body.length) {
      int n = readSome(body, read, body.length - read);
      if (n < 0) {
        throw new IOException(
            "connection closed after " + read + " of the " + length + " bytes of the HTTP answer's body");
      }
      read += n;
    }
    return body;
  }

  private byte[] readChunked() throws IOException {
    Bytes body = new Bytes();
    while (true) {
      long size = chunkSize(readChunkLine());
      if (size == 0) {
        break;
      }
      if (size > MAX_BODY_BYTES - body.size) {
        throw tooLarge(body.size + size);
      }
      int chunk = (int) size;
      body.ensure(chunk);
      int read = 0;
      while (read < chunk) {
        int n = readSome(body.bytes, body.size, chunk - read);
        if (n < 0) {
          throw new IOException("connection closed in the middle of a chunk of the HTTP answer's body");
        }
        read += n;
        body.size += n;
      }
      if (!readChunkLine().isEmpty()) {
        throw new IOException("malformed HTTP chunk: no line break after its " + size + " bytes");
      }
    }
    // Trailers: read to keep the connection usable, then dropped (HttpURLConnection drops them too).
    while (!readHeadLine(false).isEmpty()) {
      // bounded together with the head
    }
    return body.toArray();
  }

  private static long chunkSize(String line) throws IOException {
    int end = line.length();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == ';' || c == ' ' || c == '\t') {
        end = i; // chunk extensions are ignored
        break;
      }
    }
    if (end == 0 || end > 8) {
      throw new IOException("malformed HTTP chunk size: " + printable(line));
    }
    long size = 0;
    for (int i = 0; i < end; i++) {
      int digit = Character.digit(line.charAt(i), 16);
      if (digit < 0) {
        throw new IOException("malformed HTTP chunk size: " + printable(line));
      }
      size = size * 16 + digit;
    }
    return size;
  }

  private byte[] readToEnd() throws IOException {
    Bytes body = new Bytes();
    while (true) {
      body.ensure(4096);
      int n = readSome(body.bytes, body.size, Math.min(body.bytes.length - body.size, MAX_BODY_BYTES + 1 - body.size));
      if (n < 0) {
        return body.toArray();
      }
      body.size += n;
      if (body.size > MAX_BODY_BYTES) {
        throw tooLarge(body.size);
      }
    }
  }

  private static IOException tooLarge(long length) {
    return new IOException(
        "HTTP answer's body of " + length + " bytes or more exceeds the " + MAX_BODY_BYTES
            + " bytes the agent accepts");
  }

  /**
   * One line of the head (status line, header, trailer) without its line break: CRLF, or a bare LF as RFC 9112 lets
   * a recipient accept. Read as ISO-8859-1. Head lines count together against {@link #MAX_HEAD_BYTES}.
   */
  private String readHeadLine(boolean statusLine) throws IOException {
    return readLine(statusLine, true);
  }

  /**
   * A chunk-size line or the line break after a chunk: bounded one by one, not against the head, so that a body of
   * many small chunks is not mistaken for an oversized head.
   */
  private String readChunkLine() throws IOException {
    return readLine(false, false);
  }

  private String readLine(boolean statusLine, boolean head) throws IOException {
    StringBuilder line = new StringBuilder(64);
    while (true) {
      if (position == limit && !fill()) {
        if (statusLine && line.length() == 0) {
          throw new IOException(
              started
                  ? "connection closed before the HTTP answer"
                  : "connection closed by the server before any answer");
        }
        throw new IOException("connection closed in the middle of the HTTP answer");
      }
      if (head ? ++headBytes > MAX_HEAD_BYTES : line.length() > MAX_CHUNK_LINE_BYTES) {
        throw new IOException(
            head
                ? "HTTP answer's head exceeds the " + MAX_HEAD_BYTES + " bytes the agent accepts"
                : "malformed HTTP chunk: a line longer than " + MAX_CHUNK_LINE_BYTES + " bytes");
      }
      int b = buffer[position++] & 0xff;
      if (b == '\n') {
        int length = line.length();
        if (length > 0 && line.charAt(length - 1) == '\r') {
          line.setLength(length - 1);
        }
        return line.toString();
      }
      line.append((char) b);
    }
  }

  /** Up to {@code length} bytes, from the buffer first; -1 at the end of the stream. */
  private int readSome(byte[] target, int offset, int length) throws IOException {
    if (position < limit) {
      int n = Math.min(length, limit - position);
      System.arraycopy(buffer, position, target, offset, n);
      position += n;
      return n;
    }
    if (length >= buffer.length) {
      // Large bodies go straight into their array, without a copy through the buffer.
      int n = in.read(target, offset, length);
      if (n > 0) {
        started = true;
      }
      return n;
    }
    if (!fill()) {
      return -1;
    }
    return readSome(target, offset, length);
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    if (n <= 0) {
      return false;
    }
    started = true;
    position = 0;
    limit = n;
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static String lastToken(String value) {
    int comma = value.lastIndexOf(',');
    return (comma < 0 ? value : value.substring(comma + 1)).strip();
  }

  /** Whether the comma-separated {@code value} holds {@code token}, in any case. */
  private static boolean hasToken(String value, String token) {
    int start = 0;
    while (start <= value.length()) {
      int comma = value.indexOf(',', start);
      int end = comma < 0 ? value.length() : comma;
      if (value.substring(start, end).strip().equalsIgnoreCase(token)) {
        return true;
      }
      if (comma < 0) {
        return false;
      }
      start = comma + 1;
    }
    return false;
  }

  /** At most 80 characters, controls replaced: what a server sent must not break the agent's log lines. */
  static String printable(String text) {
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

  /** A growing byte array: a ByteArrayOutputStream without its locking and its final copy when exactly full. */
  private static final class Bytes {
    byte[] bytes = new byte[1024];
    int size;

    void ensure(int more) {
      if (bytes.length - size < more) {
        long wanted = Math.max((long) bytes.length * 2, (long) size + more);
        byte[] grown = new byte[(int) Math.min(wanted, MAX_BODY_BYTES + 1L)];
        System.arraycopy(bytes, 0, grown, 0, size);
        bytes = grown;
      }
    }

    byte[] toArray() {
      if (size == bytes.length) {
        return bytes;
      }
      byte[] exact = new byte[size];
      System.arraycopy(bytes, 0, exact, 0, size);
      return exact;
    }
  }
}
