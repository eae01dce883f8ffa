package dev.jwkit.adapters.http.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A body subscriber that collects at most {@code cap} bytes and cancels the exchange as soon as more
 * arrive: the cap is enforced while streaming, not after reading everything.
 */
public final class CappedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {

  /** Thrown (as the failure of the body) when the body exceeds the cap. */
  public static final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    BodyTooLargeException(long cap) {
      super("body larger than " + cap + " bytes");
    }
  }

  private final int cap;
  private final boolean failAtOnce;
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private Flow.@org.jspecify.annotations.Nullable Subscription subscription;
  private long received;

  /**
   * Creates a subscriber.
   *
   * @param cap the largest body accepted, in bytes
   * @param declaredLength the {@code Content-Length}, or -1; a declared length over the cap fails at once
   */
  public CappedBodySubscriber(int cap, long declaredLength) {
    this.cap = cap;
    this.failAtOnce = declaredLength > cap;
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    this.subscription = s;
    if (failAtOnce) {
      s.cancel();
      result.completeExceptionally(new BodyTooLargeException(cap));
      return;
    }
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer b : items) {
      received += b.remaining();
      if (received > cap) {
        Flow.Subscription s = subscription;
        if (s != null) {
          s.cancel();
        }
        result.completeExceptionally(new BodyTooLargeException(cap));
        return;
      }
      byte[] chunk = new byte[b.remaining()];
      b.get(chunk);
      out.write(chunk, 0, chunk.length);
    }
  }

  @Override
  public void onError(Throwable t) {
    result.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    result.complete(out.toByteArray());
  }
}
