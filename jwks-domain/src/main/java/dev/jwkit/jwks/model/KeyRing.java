package dev.jwkit.jwks.model;

import dev.jwkit.jose.JwkitException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The key ring of one issuer: the aggregate of its {@link ManagedKey}s, with the version it was loaded at
 * for optimistic concurrency.
 *
 * <p>Invariants, checked on construction: every {@code kid} appears once (a kid is never reused, so
 * expired and revoked keys stay in the ring as tombstones without private material); once the ring has
 * any key it has exactly one {@link KeyState#ACTIVE} key (ROTATION.md inv. 6). Keys keep their insertion
 * order (the order they were created or imported).
 *
 * <p>The {@link #version()} is the repository's: {@code 0} for a ring never saved, otherwise the version
 * the repository returned. A repository saves a ring only if its stored version still equals the
 * ring's version (compare-and-set). The {@link RotationPlanner} never changes the version.
 *
 * <h2>Security</h2>
 * A ring may hold local private keys (in its {@link KeyMaterial}); {@link #toString()} shows kids and
 * states only, and {@link #equals} compares non-secret parts.
 *
 * <h2>Thread safety</h2>
 * Instances are immutable and safe for concurrent use.
 */
public final class KeyRing {

  private final KeyRingId id;
  private final long version;
  private final List<ManagedKey> keys;

  private KeyRing(KeyRingId id, long version, List<ManagedKey> keys) {
    this.id = Objects.requireNonNull(id, "id");
    if (version < 0) {
      throw new IllegalArgumentException("version must not be negative");
    }
    this.version = version;
    this.keys = List.copyOf(keys);
    check();
  }

  /** An empty ring that was never saved (version 0). */
  public static KeyRing empty(KeyRingId id) {
    return new KeyRing(id, 0, List.of());
  }

  /**
   * A ring of the given keys at a version, for repositories and document readers.
   *
   * @throws JwkitException {@link KeyRingError#DUPLICATE_KID} if a kid appears twice, {@link
   *     KeyRingError#NO_ACTIVE_KEY} if a non-empty ring does not have exactly one active key
   */
  public static KeyRing of(KeyRingId id, long version, List<ManagedKey> keys) {
    Objects.requireNonNull(keys, "keys");
    return new KeyRing(id, version, keys);
  }

  private void check() {
    Set<String> kids = new HashSet<>();
    int active = 0;
    for (ManagedKey k : keys) {
      if (!kids.add(k.kid())) {
        throw new JwkitException(KeyRingError.DUPLICATE_KID, "kid " + k.kid() + " appears twice in ring " + id);
      }
      if (k.state() == KeyState.ACTIVE) {
        active++;
      }
    }
    if (!keys.isEmpty() && active != 1) {
      throw new JwkitException(KeyRingError.NO_ACTIVE_KEY,
          "ring " + id + " must have exactly one active key, has " + active);
    }
  }

  /** The ring's id. */
  public KeyRingId id() {
    return id;
  }

  /** The repository version this ring was loaded at or saved as; 0 if never saved. */
  public long version() {
    return version;
  }

  /**
   * This ring with another version: for repositories, which assign versions on load and save. The
   * contents are unchanged.
   */
  public KeyRing withVersion(long newVersion) {
    return new KeyRing(id, newVersion, keys);
  }

  /** Every key, including expired and revoked tombstones, in creation order. */
  public List<ManagedKey> keys() {
    return keys;
  }

  /** The keys in a state, in creation order. */
  public List<ManagedKey> keys(KeyState state) {
    Objects.requireNonNull(state, "state");
    return keys.stream().filter(k -> k.state() == state).collect(Collectors.toUnmodifiableList());
  }

  /** Whether the ring has been started (it has keys, hence an active key). */
  public boolean isStarted() {
    return !keys.isEmpty();
  }

  /** The active key, if the ring has been started. */
  public Optional<ManagedKey> active() {
    return keys.stream().filter(k -> k.state() == KeyState.ACTIVE).findFirst();
  }

  /**
   * The active key.
   *
   * @throws JwkitException {@link KeyRingError#NO_ACTIVE_KEY} if the ring was never started
   */
  public ManagedKey activeKey() {
    return active().orElseThrow(() -> new JwkitException(KeyRingError.NO_ACTIVE_KEY,
        "ring " + id + " has no active key; start it first"));
  }

  /** The key with a kid, in any state. */
  public Optional<ManagedKey> key(String kid) {
    Objects.requireNonNull(kid, "kid");
    return keys.stream().filter(k -> k.kid().equals(kid)).findFirst();
  }

  /** Whether a kid was ever used in this ring (kids are never reused). */
  public boolean hasUsedKid(String kid) {
    return key(kid).isPresent();
  }

  /** The keys to publish: pending, active and retired, in creation order. */
  public List<ManagedKey> published() {
    return keys.stream().filter(k -> k.state().isPublished()).collect(Collectors.toUnmodifiableList());
  }

  /** The kids of revoked keys: tokens carrying one fail with {@link KeyRingError#KEY_REVOKED}. */
  public Set<String> revokedKids() {
    return keys.stream().filter(k -> k.state() == KeyState.REVOKED).map(ManagedKey::kid)
        .collect(Collectors.toUnmodifiableSet());
  }

  KeyRing withKeys(List<ManagedKey> newKeys) {
    return new KeyRing(id, version, newKeys);
  }

  KeyRing replace(ManagedKey updated) {
    List<ManagedKey> copy = new ArrayList<>(keys);
    for (int i = 0; i < copy.size(); i++) {
      if (copy.get(i).kid().equals(updated.kid())) {
        copy.set(i, updated);
        return new KeyRing(id, version, copy);
      }
    }
    throw new IllegalArgumentException("no key " + updated.kid());
  }

  /** Whether two rings have the same id and keys (ignoring the version). */
  public boolean sameContentAs(KeyRing other) {
    return id.equals(other.id) && keys.equals(other.keys);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof KeyRing)) {
      return false;
    }
    KeyRing r = (KeyRing) o;
    return version == r.version && sameContentAs(r);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, version, keys);
  }

  @Override
  public String toString() {
    return "KeyRing[id=" + id + ", version=" + version + ", keys="
        + keys.stream().map(k -> k.kid() + ":" + k.state()).collect(Collectors.joining(", ", "[", "]")) + "]";
  }

  static <T> List<T> append(List<T> list, T item) {
    List<T> copy = new ArrayList<>(list);
    copy.add(item);
    return Collections.unmodifiableList(copy);
  }
}
