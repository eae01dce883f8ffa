package dev.jwkit.adapters.http.publishing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the {@link JwksEndpoint} answers: a status, headers and (unless {@code HEAD}, 304, 204 or an
 * error) a body. Responses are prepared when a document is published and shared by every request, so
 * a binding writes them without building anything: it copies the headers, sets
 * {@code Content-Length} to {@link #contentLength()} and writes {@link #body()} when {@link #hasBody()}.
 *
 * <h2>Thread safety</h2>
 * Instances are immutable and safe for concurrent use.
 */
public final class EndpointResponse {

  /**
   * One response header.
   *
   * @param name the header name
   * @param value the header value
   */
  public record Header(String name, String value) {
    /** Validates. */
    public Header {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  private static final byte[] EMPTY = new byte[0];

  private final int status;
  private final List<Header> headers;
  private final byte[] body;
  private final boolean hasBody;

  EndpointResponse(int status, List<Header> headers, byte[] body, boolean hasBody) {
    this.status = status;
    this.headers = List.copyOf(headers);
    this.body = body;
    this.hasBody = hasBody;
  }

  static EndpointResponse empty(int status, List<Header> headers) {
    return new EndpointResponse(status, headers, EMPTY, false);
  }

  /** The status code. */
  public int status() {
    return status;
  }

  /** The headers to send, {@code Content-Length} excluded. */
  public List<Header> headers() {
    return headers;
  }

  /** The first value of a header, compared case-insensitively. */
  public Optional<String> header(String name) {
    for (Header h : headers) {
      if (h.name().equalsIgnoreCase(name)) {
        return Optional.of(h.value());
      }
    }
    return Optional.empty();
  }

  /** The {@code Content-Length} to send (for {@code HEAD}, the length a {@code GET} would send). */
  public int contentLength() {
    return body.length;
  }

  /** Whether a body is to be written ({@code false} for {@code HEAD}, 304, 204, 404, 405). */
  public boolean hasBody() {
    return hasBody;
  }

  /** The body as a read-only buffer (empty when there is none to send). */
  public ByteBuffer body() {
    return hasBody ? ByteBuffer.wrap(body).asReadOnlyBuffer() : ByteBuffer.allocate(0);
  }

  /** The body bytes (a copy; empty when there is none to send). */
  public byte[] bodyBytes() {
    return hasBody ? body.clone() : EMPTY;
  }

  /**
   * Writes the body, if any, to a stream.
   *
   * @param out the stream
   * @throws IOException from the stream
   */
  public void writeBody(OutputStream out) throws IOException {
    if (hasBody) {
      out.write(body);
    }
  }
}
