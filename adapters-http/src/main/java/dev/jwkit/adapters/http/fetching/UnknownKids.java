package dev.jwkit.adapters.http.fetching;

import dev.jwkit.jwks.model.KeySetCachePolicy;
import dev.jwkit.jwks.port.KeySourceEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Lookups whose {@code kid} is not in the held set: at most one refetch per cooldown, shared by every
 * caller inside it (on a budget separate from scheduled refreshes), and a bounded negative cache of kids
 * still unknown afterwards.
 *
 * <h2>Thread safety</h2>
 * Safe for concurrent use; lock-free (a compare-and-set on the current on-demand refetch).
 */
final class UnknownKids {

  private static final int MAX_KID_LENGTH = 256;

  private final KeySetRefresher r;
  private final KeySetCachePolicy policy;
  private final String location;
  private final Duration maxWait;
  private final int maxEntries;
  private final AtomicReference<@Nullable OnDemand> onDemand = new AtomicReference<>();
  private final ConcurrentHashMap<String, Instant> remembered = new ConcurrentHashMap<>();

  UnknownKids(KeySetRefresher r, KeySetCachePolicy policy, String location, Duration maxWait) {
    this.r = r;
    this.policy = policy;
    this.location = location;
    this.maxWait = maxWait;
    this.maxEntries = policy.maxNegativeEntries();
  }

  /** An on-demand refetch: when it started and its outcome, shared by every caller of its cooldown. */
  private static final class OnDemand {
    final Instant at;
    final CompletableFuture<KeySetSnapshot> outcome;

    OnDemand(Instant at, CompletableFuture<KeySetSnapshot> outcome) {
      this.at = at;
      this.outcome = outcome;
    }
  }

  KeySetSnapshot lookup(String kid, Instant now, KeySetSnapshot s) {
    Instant rememberedAt = remembered.get(kid);
    if (rememberedAt != null) {
      if (policy.isStillUnknown(rememberedAt, now)) {
        return s;
      }
      remembered.remove(kid, rememberedAt);
    }
    CompletableFuture<KeySetSnapshot> outcome = refetch(kid, now);
    KeySetSnapshot after = s;
    try {
      after = outcome.get(maxWait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // the refetch failed or is slow: answer from the held set
    }
    after = r.held().orElse(after); // never an older set than the one installed last
    if (!after.byKid.containsKey(kid)) {
      remember(kid, now);
    }
    return after;
  }

  /** The on-demand refetch this caller shares: a new one when the cooldown allows, else the last one. */
  private CompletableFuture<KeySetSnapshot> refetch(String kid, Instant now) {
    while (true) {
      OnDemand last = onDemand.get();
      if (last != null && !policy.mayFetchForUnknownKid(last.at, now)) {
        return last.outcome;
      }
      CompletableFuture<KeySetSnapshot> outcome = new CompletableFuture<>();
      if (onDemand.compareAndSet(last, new OnDemand(now, outcome))) {
        r.emit(new KeySourceEvent.UnknownKidRefetch(location, now, kid));
        r.refresh(true).whenComplete((snapshot, failure) -> {
          if (failure != null) {
            outcome.completeExceptionally(failure);
          } else {
            outcome.complete(snapshot);
          }
        });
        return outcome;
      }
    }
  }

  private void remember(String kid, Instant now) {
    if (kid.length() > MAX_KID_LENGTH) {
      return;
    }
    if (remembered.size() >= maxEntries) {
      remembered.clear();
    }
    remembered.put(kid, now);
  }
}
