package dev.jwkit.adapters.http.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;

/**
 * A raw-socket HTTP/1.1 server on 127.0.0.1 and an ephemeral port that answers as scripted, including
 * the faults a real client must survive: slow answers, error statuses, truncated, oversized or non-JSON
 * bodies, wrong content types, connection resets and redirects. It counts the requests it receives.
 */
public final class FaultServer implements AutoCloseable {

  /** A received request: method, path and headers (names lower-cased). */
  public record Request(String method, String path, Map<String, String> headers) {}

  /** What to answer. Build with the static factories and the {@code with…} methods. */
  public static final class Reply {
    int status = 200;
    final Map<String, String> headers = new LinkedHashMap<>();
    byte[] body = new byte[0];
    boolean hang;
    boolean reset;
    int truncateAt = -1;
    boolean chunked;
    long trickleMillis;

    public static Reply json(String body) {
      return new Reply().status(200).header("Content-Type", "application/json").body(body);
    }

    public static Reply status(int status, String body) {
      return new Reply().status(status).header("Content-Type", "text/plain").body(body);
    }

    /** Never answers (until the server closes). */
    public static Reply hang() {
      Reply r = new Reply();
      r.hang = true;
      return r;
    }

    /** Resets the connection (RST) after reading the request. */
    public static Reply reset() {
      Reply r = new Reply();
      r.reset = true;
      return r;
    }

    public Reply status(int s) {
      this.status = s;
      return this;
    }

    public Reply header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    public Reply body(String b) {
      this.body = b.getBytes(StandardCharsets.UTF_8);
      return this;
    }

    public Reply body(byte[] b) {
      this.body = b.clone();
      return this;
    }

    /** Gzips the body and says so. */
    public Reply gzip() {
      try {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
          gz.write(body);
        }
        body = out.toByteArray();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      return header("Content-Encoding", "gzip");
    }

    /** Declares the full length but closes after {@code n} bytes of body. */
    public Reply truncateAt(int n) {
      this.truncateAt = n;
      return this;
    }

    /** Sends the body chunked, without Content-Length. */
    public Reply chunked() {
      this.chunked = true;
      return this;
    }

    /** Sends the body one byte at a time with a pause between bytes. */
    public Reply trickle(long millisPerByte) {
      this.trickleMillis = millisPerByte;
      return this;
    }
  }

  private final ServerSocket socket;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fault-server");
    t.setDaemon(true);
    return t;
  });
  private final AtomicReference<Function<Request, Reply>> script;
  private final AtomicInteger requests = new AtomicInteger();
  private final List<Request> log = new CopyOnWriteArrayList<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final List<Socket> open = new CopyOnWriteArrayList<>();

  private FaultServer(Function<Request, Reply> script) throws IOException {
    this.script = new AtomicReference<>(script);
    this.socket = new ServerSocket();
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
    pool.execute(this::acceptLoop);
  }

  /** Starts a server answering every request through {@code script}. */
  public static FaultServer start(Function<Request, Reply> script) {
    try {
      return new FaultServer(script);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Replaces the script (for example to rotate keys between calls). */
  public void script(Function<Request, Reply> next) {
    script.set(next);
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
  }

  public int port() {
    return socket.getLocalPort();
  }

  /** How many requests arrived so far. */
  public int requests() {
    return requests.get();
  }

  /** The requests received, in order. */
  public List<Request> log() {
    return new ArrayList<>(log);
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        open.add(s);
        pool.execute(() -> serve(s));
      } catch (IOException | RejectedExecutionException e) {
        return; // closed while accepting
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      while (true) {
        Request req = readRequest(in);
        if (req == null) {
          return;
        }
        requests.incrementAndGet();
        log.add(req);
        Reply reply = script.get().apply(req);
        if (reply.hang) {
          closed.await(30, TimeUnit.SECONDS);
          return;
        }
        if (reply.reset) {
          s.setSoLinger(true, 0);
          return;
        }
        if (!write(out, req, reply)) {
          return;
        }
      }
    } catch (IOException | InterruptedException e) {
      // the client went away: nothing to do
    } finally {
      open.remove(s);
    }
  }

  private static boolean write(OutputStream out, Request req, Reply reply) throws IOException, InterruptedException {
    StringBuilder head = new StringBuilder();
    head.append("HTTP/1.1 ").append(reply.status).append(' ').append(reason(reply.status)).append("\r\n");
    reply.headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    boolean hasBody = !req.method().equals("HEAD") && reply.status != 304 && reply.status != 204;
    if (reply.chunked) {
      head.append("Transfer-Encoding: chunked\r\n");
    } else {
      head.append("Content-Length: ").append(reply.body.length).append("\r\n");
    }
    head.append("\r\n");
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    if (!hasBody) {
      return true;
    }
    byte[] body = reply.body;
    int limit = reply.truncateAt >= 0 ? Math.min(reply.truncateAt, body.length) : body.length;
    if (reply.chunked) {
      int chunk = 4096;
      for (int i = 0; i < limit; i += chunk) {
        int n = Math.min(chunk, limit - i);
        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(body, i, n);
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
      }
      if (reply.truncateAt < 0) {
        out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      }
    } else if (reply.trickleMillis > 0) {
      for (int i = 0; i < limit; i++) {
        out.write(body[i]);
        out.flush();
        Thread.sleep(reply.trickleMillis);
      }
    } else {
      out.write(body, 0, limit);
    }
    out.flush();
    return reply.truncateAt < 0;
  }

  private static Request readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int state = 0;
    while (state < 4) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      if (head.size() > 64 * 1024) {
        return null;
      }
      state = (b == '\r' && (state == 0 || state == 2)) ? state + 1 : (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    String[] first = lines[0].split(" ");
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
      }
    }
    long length = Long.parseLong(headers.getOrDefault("content-length", "0"));
    in.skipNBytes(length);
    return new Request(first[0], first.length > 1 ? first[1] : "/", headers);
  }

  private static String reason(int status) {
    switch (status) {
      case 200: return "OK";
      case 304: return "Not Modified";
      case 302: return "Found";
      case 404: return "Not Found";
      case 500: return "Internal Server Error";
      default: return "Status";
    }
  }

  @Override
  public void close() {
    closed.countDown();
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
    pool.shutdownNow();
  }
}
