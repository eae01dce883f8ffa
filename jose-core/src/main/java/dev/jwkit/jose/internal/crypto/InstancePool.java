package dev.jwkit.jose.internal.crypto;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * A small lock-free pool of ready-to-use, non-thread-safe objects (initialised {@code Mac} or {@code
 * Signature} instances).
 *
 * <p>{@link #take()} returns a pooled instance or, when none is free, a new one from the factory; {@link
 * #release(Object)} returns an instance that ended its operation normally. An instance whose operation
 * threw is simply not released, so a JCA object left in an unknown state (JDK 17's Ed25519 {@code
 * Signature} fails the next verification after a throw) is never reused. A full pool drops released
 * instances. There are no locks: each slot is claimed and refilled with a compare-and-set.
 *
 * <p>Instances of this class are safe for concurrent use.
 */
final class InstancePool<T> {

  private final AtomicReferenceArray<T> slots;
  private final int mask;
  private final Supplier<T> factory;

  /** A pool with room for a power of two of at least {@code 2 × availableProcessors} (4 to 64) instances. */
  InstancePool(Supplier<T> factory) {
    this(factory, defaultCapacity());
  }

  InstancePool(Supplier<T> factory, int capacity) {
    if (Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException("capacity must be a power of two");
    }
    this.factory = factory;
    this.slots = new AtomicReferenceArray<>(capacity);
    this.mask = capacity - 1;
  }

  private static int defaultCapacity() {
    int wanted = Math.max(4, Math.min(64, 2 * Runtime.getRuntime().availableProcessors()));
    return Integer.highestOneBit(wanted - 1) << 1;
  }

  /** A free instance, taken out of the pool, or a new one. */
  T take() {
    int start = probe();
    for (int i = 0; i <= mask; i++) {
      int index = (start + i) & mask;
      T candidate = slots.get(index);
      if (candidate != null && slots.compareAndSet(index, candidate, null)) {
        return candidate;
      }
    }
    return factory.get();
  }

  /** Returns an instance whose last operation completed normally. */
  void release(T instance) {
    int start = probe();
    for (int i = 0; i <= mask; i++) {
      int index = (start + i) & mask;
      if (slots.get(index) == null) {
        // A release store, not a compare-and-set: if another thread fills the slot at the same moment,
        // one of the two instances is overwritten and collected. No instance is ever handed out twice,
        // because take() claims with a compare-and-set; the release store publishes the instance's state
        // to the thread that claims it.
        slots.setRelease(index, instance);
        return;
      }
    }
    // Pool full: the instance is dropped and collected.
  }

  /** The number of instances currently pooled (for tests). */
  int size() {
    int n = 0;
    for (int i = 0; i <= mask; i++) {
      if (slots.get(i) != null) {
        n++;
      }
    }
    return n;
  }

  private int probe() {
    // Spread threads over the slots so that concurrent callers rarely contend on one slot.
    long id = Thread.currentThread().getId();
    return (int) (id * 0x9E3779B97F4A7C15L >>> 40);
  }
}
