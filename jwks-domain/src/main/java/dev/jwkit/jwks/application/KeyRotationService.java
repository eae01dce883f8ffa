package dev.jwkit.jwks.application;

import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jwks.model.ImportKey;
import dev.jwkit.jwks.model.KeyMaterial;
import dev.jwkit.jwks.model.KeyMaterialSource;
import dev.jwkit.jwks.model.KeyRing;
import dev.jwkit.jwks.model.KeyRingCommand;
import dev.jwkit.jwks.model.KeyRingConflictException;
import dev.jwkit.jwks.model.KeyRingError;
import dev.jwkit.jwks.model.KeyRingEvent;
import dev.jwkit.jwks.model.KeyRingId;
import dev.jwkit.jwks.model.ManagedKey;
import dev.jwkit.jwks.model.Plan;
import dev.jwkit.jwks.model.RotationPlanner;
import dev.jwkit.jwks.model.RotationPolicy;
import dev.jwkit.jwks.port.KeyCustody;
import dev.jwkit.jwks.port.KeyRingEventListener;
import dev.jwkit.jwks.port.KeyRingRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The service that drives a key ring's lifecycle: every call loads the ring, plans (or applies an
 * operator command) at the clock's instant, and saves with compare-and-set. When another writer saved
 * first (another replica, the CLI), it loads what that writer saved and plans again, so that replicas
 * sharing a repository converge on one ring with exactly one active key.
 *
 * <p>After a successful save, the events are delivered to the listener, then the custody is told about
 * keys that retired ({@link KeyCustody#retire}) and keys that expired or were revoked ({@link
 * KeyCustody#destroy}). Keys generated for an attempt that lost a race are reused by the next attempt,
 * so a conflict does not waste custody keys.
 *
 * <pre>{@code
 * KeyRotationService rotation = KeyRotationService.builder(repository, new LocalKeyCustody())
 *     .policy(policy)              // default RotationPolicy.defaults()
 *     .build();                    // clock: the system UTC clock unless given
 * rotation.start();            // once; idempotent
 * rotation.tick();             // every policy.tick()
 * }</pre>
 *
 * <h2>Thread safety</h2>
 * Instances are immutable and safe for concurrent use; concurrent calls are serialised by the
 * repository's compare-and-set.
 */
public final class KeyRotationService {

  /** Default load–plan–save rounds before giving up under contention: 16. */
  public static final int DEFAULT_MAX_ATTEMPTS = 16;

  private final KeyRingRepository repository;
  private final KeyCustody custody;
  private final RotationPolicy policy;
  private final Clock clock;
  private final KeyRingId ringId;
  private final KeyRingEventListener listener;
  private final int maxAttempts;

  private KeyRotationService(Builder b) {
    this.repository = b.repository;
    this.custody = b.custody;
    this.policy = b.policy;
    this.clock = b.clock;
    this.ringId = b.ringId;
    this.listener = b.listener;
    this.maxAttempts = b.maxAttempts;
  }

  /**
   * A builder of the service for a ring in {@code repository} whose keys {@code custody} generates and
   * holds; every other setting has a default.
   *
   * @param repository where the ring is stored
   * @param custody where keys are generated and signatures made
   * @return the builder
   */
  public static Builder builder(KeyRingRepository repository, KeyCustody custody) {
    return new Builder(Objects.requireNonNull(repository, "repository"), Objects.requireNonNull(custody, "custody"));
  }

  /** The ring this service manages. */
  public KeyRingId ringId() {
    return ringId;
  }

  /** The policy this service applies. */
  public RotationPolicy policy() {
    return policy;
  }

  /**
   * Starts the ring if it is not stored yet (first key active, a pending successor); otherwise does
   * nothing. Safe to call on every start of every replica.
   */
  public RotationResult start() {
    return execute(new KeyRingCommand.StartRing());
  }

  /** Makes every transition due now (the scheduled tick). An unstarted ring is left alone. */
  public RotationResult tick() {
    return run(Optional.empty());
  }

  /**
   * Promotes the oldest pending key now; an emergency promotion if it is younger than the publish lead
   * (its {@link KeyRingEvent.KeyActivated} event reports the exposure).
   *
   * @throws JwkitException {@link KeyRingError#NOT_FOUND} if the ring is not stored
   */
  public RotationResult rotateNow() {
    return execute(new KeyRingCommand.RotateNow());
  }

  /**
   * Revokes a key; revoking the active key promotes the oldest pending one.
   *
   * @throws JwkitException {@link KeyRingError#NOT_FOUND} for a missing ring or kid, {@link
   *     KeyRingError#ILLEGAL_TRANSITION} for a key already expired or revoked
   */
  public RotationResult revoke(String kid, String reason) {
    return execute(new KeyRingCommand.RevokeKey(kid, reason));
  }

  /**
   * Imports a key: active in an unstarted ring, pending otherwise.
   *
   * @throws JwkitException {@link KeyRingError#DUPLICATE_KID} if the ring has used the kid
   */
  public RotationResult importKey(KeyMaterial material) {
    return execute(ImportKey.of(material));
  }

  /** Applies an operator command (then plans), with compare-and-set and retries. */
  public RotationResult execute(KeyRingCommand command) {
    Objects.requireNonNull(command, "command");
    return run(Optional.of(command));
  }

  /**
   * The stored ring.
   *
   * @throws JwkitException {@link KeyRingError#NOT_FOUND} if it is not stored
   */
  public KeyRing load() {
    return repository.load(ringId).orElseThrow(this::notFound);
  }

  /** When the next transition of the stored ring is due (empty if it is not stored). */
  public Optional<Instant> nextTransition() {
    return repository.load(ringId).flatMap(r -> RotationPlanner.nextTransition(r, policy));
  }

  private JwkitException notFound() {
    return new JwkitException(KeyRingError.NOT_FOUND,
        "no key ring " + ringId + " is stored; start it first (jwkit keys init)");
  }

  private RotationResult run(Optional<KeyRingCommand> command) {
    ReusableKeys keys = new ReusableKeys(custody);
    @Nullable KeyRingConflictException last = null;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      Optional<KeyRing> stored = repository.load(ringId);
      boolean starting = command.isPresent() && (command.get() instanceof KeyRingCommand.StartRing
          || command.get() instanceof ImportKey);
      if (stored.isEmpty() && command.isPresent() && !starting) {
        throw notFound();
      }
      KeyRing ring = stored.orElseGet(() -> KeyRing.empty(ringId));
      Instant now = clock.instant();
      Plan plan = command.isPresent()
          ? RotationPlanner.apply(ring, command.get(), policy, now, keys)
          : RotationPlanner.plan(ring, policy, now, keys);
      if (!plan.changed()) {
        return new RotationResult(ring, List.of(), attempt);
      }
      KeyRing saved;
      try {
        saved = repository.save(plan.ring());
      } catch (KeyRingConflictException e) {
        last = e;
        keys.rewind();
        continue;
      }
      afterSave(saved, plan.events());
      return new RotationResult(saved, plan.events(), attempt);
    }
    throw new JwkitException(KeyRingError.CONFLICT,
        "ring " + ringId + " still conflicted after " + maxAttempts + " attempts", Objects.requireNonNull(last));
  }

  private void afterSave(KeyRing saved, List<KeyRingEvent> events) {
    for (KeyRingEvent e : events) {
      try {
        listener.onEvent(e);
      } catch (RuntimeException ignored) {
        // A listener must not break the rotation (KeyRingEventListener's contract).
      }
    }
    List<RuntimeException> failures = new ArrayList<>();
    for (KeyRingEvent e : events) {
      Optional<ManagedKey> key = saved.key(e.kid());
      if (key.isEmpty()) {
        continue;
      }
      try {
        if (e instanceof KeyRingEvent.KeyRetired) {
          custody.retire(key.get().material());
        } else if (e instanceof KeyRingEvent.KeyExpired || e instanceof KeyRingEvent.KeyRevoked) {
          custody.destroy(key.get().material());
        }
      } catch (RuntimeException failure) {
        failures.add(failure);
      }
    }
    if (!failures.isEmpty()) {
      JwkitException e = new JwkitException(KeyRingError.CUSTODY_FAILED, "ring " + ringId + " was saved at version "
          + saved.version() + " but the custody could not retire or destroy " + failures.size() + " key(s)",
          failures.get(0));
      failures.stream().skip(1).forEach(e::addSuppressed);
      throw e;
    }
  }

  @Override
  public String toString() {
    return "KeyRotationService[ring=" + ringId + ", custody=" + custody.name() + ", " + policy + "]";
  }

  /** Keys generated by the custody, offered again to the next attempt after a conflict. */
  private static final class ReusableKeys implements KeyMaterialSource {
    private final KeyCustody custody;
    private final List<KeyMaterial> generated = new ArrayList<>();
    private final Deque<KeyMaterial> unused = new ArrayDeque<>();

    ReusableKeys(KeyCustody custody) {
      this.custody = custody;
    }

    @Override
    public KeyMaterial next(JwsAlgorithm algorithm) {
      KeyMaterial reuse = unused.pollFirst();
      while (reuse != null && reuse.algorithm() != algorithm) {
        reuse = unused.pollFirst();
      }
      if (reuse != null) {
        return reuse;
      }
      KeyMaterial fresh = custody.generate(algorithm);
      generated.add(fresh);
      return fresh;
    }

    void rewind() {
      unused.clear();
      unused.addAll(generated);
    }
  }

  /** A builder of {@link KeyRotationService}; not thread-safe. */
  public static final class Builder {
    private final KeyRingRepository repository;
    private final KeyCustody custody;
    private RotationPolicy policy = RotationPolicy.defaults();
    private Clock clock = SystemClock.utc();
    private KeyRingId ringId = KeyRingId.DEFAULT;
    private KeyRingEventListener listener = KeyRingEventListener.NONE;
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;

    private Builder(KeyRingRepository repository, KeyCustody custody) {
      this.repository = repository;
      this.custody = custody;
    }

    /** The rotation policy. Default {@link RotationPolicy#defaults()}. @return this builder */
    public Builder policy(RotationPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** The clock all instants are read from. Default the system UTC clock. @return this builder */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The ring to manage. Default {@link KeyRingId#DEFAULT}. @return this builder */
    public Builder ringId(KeyRingId ringId) {
      this.ringId = Objects.requireNonNull(ringId, "ringId");
      return this;
    }

    /** Receives the events of every saved change. Default: none. @return this builder */
    public Builder listener(KeyRingEventListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Rounds before a call gives up under contention with {@link KeyRingError#CONFLICT}. Default
     * {@link #DEFAULT_MAX_ATTEMPTS}.
     *
     * @return this builder
     * @throws IllegalArgumentException if less than 1
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1");
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Builds the service.
     *
     */
    public KeyRotationService build() {
      return new KeyRotationService(this);
    }
  }
}
