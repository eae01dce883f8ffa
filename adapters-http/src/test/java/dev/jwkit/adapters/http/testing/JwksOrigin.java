package dev.jwkit.adapters.http.testing;

import dev.jwkit.adapters.http.testing.FaultServer.Reply;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * An authorization server's JWKS endpoint on a {@link FaultServer}: serves the current document with a
 * strong ETag (answering 304 to a matching {@code If-None-Match}) and an optional {@code max-age}, and can
 * be switched to a fault (reset, 503, a bad body) or held on a gate. Counts full and conditional fetches.
 */
public final class JwksOrigin implements AutoCloseable {

  private final AtomicReference<String> document = new AtomicReference<>("{\"keys\":[]}");
  private final AtomicReference<String> cacheControl = new AtomicReference<>("");
  private final AtomicReference<Supplier<Reply>> fault = new AtomicReference<>();
  private final AtomicReference<CountDownLatch> gate = new AtomicReference<>();
  private final AtomicInteger notModified = new AtomicInteger();
  private final FaultServer server;

  public JwksOrigin(String initial) {
    document.set(initial);
    server = FaultServer.start(this::answer);
  }

  private Reply answer(FaultServer.Request request) {
    CountDownLatch g = gate.get();
    if (g != null) {
      try {
        g.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Supplier<Reply> f = fault.get();
    if (f != null) {
      return f.get();
    }
    String body = document.get();
    String etag = "\"" + Integer.toHexString(body.hashCode()) + "\"";
    Reply reply;
    if (etag.equals(request.headers().get("if-none-match"))) {
      notModified.incrementAndGet();
      reply = new Reply().status(304).header("ETag", etag);
    } else {
      reply = Reply.json(body).header("ETag", etag);
    }
    if (!cacheControl.get().isEmpty()) {
      reply.header("Cache-Control", cacheControl.get());
    }
    return reply;
  }

  public URI uri() {
    return server.uri("/.well-known/jwks.json");
  }

  /** Publishes a new document. */
  public void publish(String jwks) {
    document.set(jwks);
  }

  public void cacheControl(String value) {
    cacheControl.set(value);
  }

  /** Answers every request with this fault until {@link #heal()}. */
  public void fail(Supplier<Reply> reply) {
    fault.set(reply);
  }

  public void heal() {
    fault.set(null);
  }

  /** Holds every answer until the returned latch is counted down. */
  public CountDownLatch hold() {
    CountDownLatch l = new CountDownLatch(1);
    gate.set(l);
    return l;
  }

  public void release() {
    CountDownLatch l = gate.getAndSet(null);
    if (l != null) {
      l.countDown();
    }
  }

  /** Requests received (full and conditional). */
  public int fetches() {
    return server.requests();
  }

  /** Requests answered with 304. */
  public int notModified() {
    return notModified.get();
  }

  public FaultServer server() {
    return server;
  }

  @Override
  public void close() {
    release();
    server.close();
  }
}
