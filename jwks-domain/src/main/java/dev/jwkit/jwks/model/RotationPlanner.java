package dev.jwkit.jwks.model;

import dev.jwkit.jose.JwkitException;
import dev.jwkit.jwks.model.KeyRingEvent.KeyActivated;
import dev.jwkit.jwks.model.KeyRingEvent.KeyCreated;
import dev.jwkit.jwks.model.KeyRingEvent.KeyExpired;
import dev.jwkit.jwks.model.KeyRingEvent.KeyImported;
import dev.jwkit.jwks.model.KeyRingEvent.KeyRetired;
import dev.jwkit.jwks.model.KeyRingEvent.KeyRevoked;
import dev.jwkit.jwks.model.KeyRingEvent.RingStarted;
import dev.jwkit.jwks.model.KeyRingEvent.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The rotation planner: a pure function {@code (ring, policy, now) → (ring', events)} that makes every
 * lifecycle transition due at {@code now}, and the operator actions beside it.
 *
 * <p>{@link #plan} makes, in this order:
 * <ol>
 *   <li>every {@link KeyState#RETIRED} key whose {@code retiredAt + W ≤ now} {@link KeyState#EXPIRED};
 *   <li>if the active key's {@code activatedAt + R ≤ now}, the oldest pending key that has been
 *       published at least {@code L} active, and the previous one retired (one promotion per call: a
 *       second would need a pending key that has not been published long enough);
 *   <li>a new pending key if none is left (the hot standby of ROTATION.md inv. 5).
 * </ol>
 * Every transition is stamped with {@code now} itself, never with the instant it was scheduled for. So a
 * late call (a paused process, a missed tick) only lengthens the states it ends, never shortens the next
 * ones, and a call after any pause catches up in one step: one promotion, every overdue expiry, a fresh
 * pending key. Planning is idempotent: planning the result again at the same instant changes nothing. A
 * clock that went backwards only makes fewer transitions due.
 *
 * <p>Randomness (new keys) comes only from the {@link KeyMaterialSource} passed in, called once per new
 * key, so a plan is deterministic given that source.
 *
 * <h2>Thread safety</h2>
 * Stateless; safe for concurrent use.
 */
public final class RotationPlanner {

  private RotationPlanner() {}

  /**
   * Makes every transition due at {@code now}. An unstarted ring is returned unchanged (starting is an
   * operator action, {@link KeyRingCommand.StartRing}).
   */
  public static Plan plan(KeyRing ring, RotationPolicy policy, Instant now, KeyMaterialSource keys) {
    requireArgs(ring, policy, now, keys);
    if (!ring.isStarted()) {
      return new Plan(ring, List.of());
    }
    Work w = new Work(ring, now);
    for (ManagedKey k : ring.keys(KeyState.RETIRED)) {
      if (!k.retiredAt().orElseThrow().plus(policy.retirementWindow()).isAfter(now)) {
        w.update(k.expire(now));
        w.events.add(new KeyExpired(ring.id(), k.kid(), now));
      }
    }
    ManagedKey active = w.ring.activeKey();
    if (!active.activatedAt().orElseThrow().plus(policy.rotationPeriod()).isAfter(now)) {
      Optional<ManagedKey> successor = w.ring.keys(KeyState.PENDING).stream()
          .filter(p -> p.age(now).compareTo(policy.publishLead()) >= 0)
          .min(PROMOTION_ORDER);
      successor.ifPresent(p -> w.promote(active, p, policy, now, Trigger.SCHEDULED));
    }
    w.ensurePending(policy, keys);
    return w.result();
  }

  /**
   * Applies an operator command at {@code now}, then plans. If {@code now} is earlier than an instant
   * already recorded in the ring (a clock that went backwards), the command is stamped with that
   * instant instead, so that instants stay monotone.
   *
   * @throws JwkitException {@link KeyRingError#NO_ACTIVE_KEY} to rotate or revoke in an unstarted ring,
   *     {@link KeyRingError#NOT_FOUND} to revoke an unknown kid, {@link KeyRingError#ILLEGAL_TRANSITION} to
   *     revoke an expired or revoked key, {@link KeyRingError#DUPLICATE_KID} to import a kid the ring
   *     has used
   */
  public static Plan apply(KeyRing ring, KeyRingCommand command, RotationPolicy policy, Instant now,
      KeyMaterialSource keys) {
    requireArgs(ring, policy, now, keys);
    Objects.requireNonNull(command, "command");
    Instant at = latest(ring, now);
    Work w = new Work(ring, at);
    if (command instanceof KeyRingCommand.StartRing) {
      if (ring.isStarted()) {
        return new Plan(ring, List.of());
      }
      w.start(keys.next(policy.algorithm()), policy, keys, false);
    } else if (command instanceof KeyRingCommand.RotateNow) {
      ManagedKey active = ring.activeKey();
      w.promote(active, w.oldestPendingOrNew(policy, keys), policy, at, Trigger.MANUAL);
    } else if (command instanceof KeyRingCommand.RevokeKey) {
      w.revoke((KeyRingCommand.RevokeKey) command, policy, keys);
    } else if (command instanceof ImportKey) {
      KeyMaterial material = ((ImportKey) command).material();
      if (ring.hasUsedKid(material.kid())) {
        throw new JwkitException(KeyRingError.DUPLICATE_KID,
            "kid " + material.kid() + " was already used in ring " + ring.id() + " and is never reused");
      }
      if (!ring.isStarted()) {
        w.start(material, policy, keys, true);
      } else {
        w.update(ManagedKey.pending(material, at));
        w.events.add(new KeyImported(ring.id(), material.kid(), at));
      }
    } else {
      throw new AssertionError(command);
    }
    Plan applied = w.result();
    Plan planned = plan(applied.ring(), policy, at, keys);
    List<KeyRingEvent> events = new ArrayList<>(applied.events());
    events.addAll(planned.events());
    return new Plan(planned.ring(), events);
  }

  /**
   * The next instant at which {@link #plan} will have work to do, or at which the published set will
   * change; empty for an unstarted ring. An instant in the past means work is overdue.
   */
  public static Optional<Instant> nextTransition(KeyRing ring, RotationPolicy policy) {
    Objects.requireNonNull(ring, "ring");
    Objects.requireNonNull(policy, "policy");
    Optional<ManagedKey> active = ring.active();
    if (active.isEmpty()) {
      return Optional.empty();
    }
    List<ManagedKey> pending = ring.keys(KeyState.PENDING);
    Instant activatedAt = active.get().activatedAt().orElseThrow();
    if (pending.isEmpty()) {
      return Optional.of(activatedAt);
    }
    Instant promotable = pending.stream().map(p -> p.publishedAt().plus(policy.publishLead()))
        .min(Comparator.naturalOrder()).orElseThrow();
    Instant rotation = max(activatedAt.plus(policy.rotationPeriod()), promotable);
    Instant next = rotation;
    for (ManagedKey r : ring.keys(KeyState.RETIRED)) {
      Instant expiry = r.retiredAt().orElseThrow().plus(policy.retirementWindow());
      if (expiry.isBefore(next)) {
        next = expiry;
      }
    }
    return Optional.of(next);
  }

  /** Oldest published first, then by kid, so that the choice is deterministic across replicas. */
  private static final Comparator<ManagedKey> PROMOTION_ORDER =
      Comparator.comparing(ManagedKey::publishedAt).thenComparing(ManagedKey::kid);

  private static void requireArgs(KeyRing ring, RotationPolicy policy, Instant now, KeyMaterialSource keys) {
    Objects.requireNonNull(ring, "ring");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(keys, "keys");
  }

  private static Instant latest(KeyRing ring, Instant now) {
    Instant latest = now;
    for (ManagedKey k : ring.keys()) {
      for (Optional<Instant> t : List.of(Optional.of(k.publishedAt()), k.activatedAt(), k.retiredAt(),
          k.expiredAt(), k.revokedAt())) {
        if (t.isPresent() && t.get().isAfter(latest)) {
          latest = t.get();
        }
      }
    }
    return latest;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** The ring being transformed and the events so far. */
  private static final class Work {
    private KeyRing ring;
    private final Instant now;
    private final List<KeyRingEvent> events = new ArrayList<>();

    Work(KeyRing ring, Instant now) {
      this.ring = ring;
      this.now = now;
    }

    void update(ManagedKey key) {
      if (ring.hasUsedKid(key.kid())) {
        ring = ring.replace(key);
      } else {
        ring = ring.withKeys(KeyRing.append(ring.keys(), key));
      }
    }

    ManagedKey newPending(RotationPolicy policy, KeyMaterialSource keys) {
      KeyMaterial material = keys.next(policy.algorithm());
      if (ring.hasUsedKid(material.kid())) {
        throw new JwkitException(KeyRingError.DUPLICATE_KID,
            "the key source returned kid " + material.kid() + ", already used in ring " + ring.id());
      }
      ManagedKey pending = ManagedKey.pending(material, now);
      update(pending);
      events.add(new KeyCreated(ring.id(), pending.kid(), now));
      return pending;
    }

    void ensurePending(RotationPolicy policy, KeyMaterialSource keys) {
      if (ring.keys(KeyState.PENDING).isEmpty()) {
        newPending(policy, keys);
      }
    }

    ManagedKey oldestPendingOrNew(RotationPolicy policy, KeyMaterialSource keys) {
      return ring.keys(KeyState.PENDING).stream().min(PROMOTION_ORDER)
          .orElseGet(() -> newPending(policy, keys));
    }

    void start(KeyMaterial first, RotationPolicy policy, KeyMaterialSource keys, boolean imported) {
      // Bootstrap: a new ring has no earlier published set that a client could have cached, so its first
      // key signs at once (as in Vault OIDC); its successor is published in the same step.
      ManagedKey firstKey = ManagedKey.pending(first, now).activate(now);
      ring = ring.withKeys(List.of(firstKey));
      events.add(imported ? new KeyImported(ring.id(), first.kid(), now) : new KeyCreated(ring.id(), first.kid(), now));
      events.add(new KeyActivated(ring.id(), first.kid(), now, Optional.empty(), Trigger.START, false, Duration.ZERO));
      events.add(new RingStarted(ring.id(), first.kid(), now));
      newPending(policy, keys);
    }

    void promote(ManagedKey previous, ManagedKey successor, RotationPolicy policy, Instant at, Trigger trigger) {
      Duration age = successor.age(at);
      boolean emergency = age.compareTo(policy.publishLead()) < 0;
      Duration exposure = emergency ? policy.exposureOfPromotionAt(age) : Duration.ZERO;
      // Both changes in one step: the ring never holds zero or two active keys.
      ring = ring.withKeys(replaceBoth(previous.retire(at), successor.activate(at)));
      events.add(new KeyRetired(ring.id(), previous.kid(), at));
      events.add(new KeyActivated(ring.id(), successor.kid(), at, Optional.of(previous.kid()), trigger,
          emergency, exposure));
    }

    void revoke(KeyRingCommand.RevokeKey command, RotationPolicy policy, KeyMaterialSource keys) {
      ManagedKey target = ring.key(command.kid()).orElseThrow(() -> new JwkitException(KeyRingError.NOT_FOUND,
          "no key " + command.kid() + " in ring " + ring.id()));
      KeyState before = target.state();
      if (before == KeyState.ACTIVE) {
        // Promote first (the ring must always have one active key), then revoke the old signer.
        ManagedKey successor = oldestPendingOrNew(policy, keys);
        Duration age = successor.age(now);
        boolean emergency = age.compareTo(policy.publishLead()) < 0;
        ManagedKey revoked = target.revoke(now, command.reason());
        ring = ring.withKeys(replaceBoth(revoked, successor.activate(now)));
        events.add(new KeyRevoked(ring.id(), target.kid(), now, before, command.reason()));
        events.add(new KeyActivated(ring.id(), successor.kid(), now, Optional.of(target.kid()), Trigger.REVOCATION,
            emergency, emergency ? policy.exposureOfPromotionAt(age) : Duration.ZERO));
      } else {
        update(target.revoke(now, command.reason()));
        events.add(new KeyRevoked(ring.id(), target.kid(), now, before, command.reason()));
      }
    }

    private List<ManagedKey> replaceBoth(ManagedKey a, ManagedKey b) {
      List<ManagedKey> copy = new ArrayList<>(ring.keys());
      copy.replaceAll(k -> k.kid().equals(a.kid()) ? a : k.kid().equals(b.kid()) ? b : k);
      return copy;
    }

    Plan result() {
      return new Plan(ring, events);
    }
  }
}
