package dev.jwkit.jose;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * An immutable JSON object of at most {@link #MAX_MEMBERS} members, in document order: the form {@link
 * JsonReader} gives the small objects that JOSE is made of (headers, claims sets, keys).
 *
 * <p>Parallel arrays searched linearly, comparing cached string hashes first: for a handful of members
 * this builds in a fraction of the time and memory of a {@code LinkedHashMap} and looks up as fast. It is
 * a plain {@link java.util.Map}: {@code equals}, {@code hashCode} and iteration follow the {@code Map}
 * contract, every mutator throws {@link UnsupportedOperationException}. Larger objects are read into an
 * unmodifiable {@code LinkedHashMap} instead.
 *
 * <h2>Thread safety</h2>
 * Immutable once built; safe for concurrent use.
 */
final class SmallJsonObject extends AbstractMap<String, Object> {

  /** The most members an object of this kind holds. */
  static final int MAX_MEMBERS = 16;

  /** The empty object. */
  static final SmallJsonObject EMPTY = new SmallJsonObject(new String[0], new Object[0], new int[0], 0);

  private final String[] names;
  private final Object[] values;
  private final int[] hashes;
  private final int size;

  /** Takes the arrays as they are (not copied): the reader hands them over and never touches them again. */
  SmallJsonObject(String[] names, Object[] values, int[] hashes, int size) {
    this.names = names;
    this.values = values;
    this.hashes = hashes;
    this.size = size;
  }

  /**
   * Collects an object's members in document order, refusing a name twice: into arrays up to {@link
   * #MAX_MEMBERS} members, into a {@link LinkedHashMap} beyond. Not thread-safe; used once.
   */
  static final class Members {
    private String[] names = new String[8];
    private Object[] values = new Object[8];
    private int[] hashes = new int[8];
    private int size;
    private @Nullable LinkedHashMap<String, Object> large;

    /** Adds a member; returns false, changing nothing, when the name is already a member. */
    boolean add(String name, Object value) {
      LinkedHashMap<String, Object> map = large;
      if (map != null) {
        return map.putIfAbsent(name, value) == null;
      }
      int hash = name.hashCode();
      if (indexOf(names, hashes, size, name, hash) >= 0) {
        return false;
      }
      if (size == names.length) {
        if (size == MAX_MEMBERS) {
          map = new LinkedHashMap<>();
          for (int i = 0; i < size; i++) {
            map.put(names[i], values[i]);
          }
          map.put(name, value);
          large = map;
          return true;
        }
        names = Arrays.copyOf(names, size * 2);
        values = Arrays.copyOf(values, size * 2);
        hashes = Arrays.copyOf(hashes, size * 2);
      }
      names[size] = name;
      values[size] = value;
      hashes[size] = hash;
      size++;
      return true;
    }

    /** The object: immutable, in document order. */
    Map<String, Object> build() {
      LinkedHashMap<String, Object> map = large;
      return map != null ? Collections.unmodifiableMap(map) : new SmallJsonObject(names, values, hashes, size);
    }
  }

  /** The index of {@code name} among the first {@code size} names, or -1. */
  static int indexOf(String[] names, int[] hashes, int size, String name, int hash) {
    for (int i = 0; i < size; i++) {
      if (hashes[i] == hash && names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private int indexOf(@Nullable Object key) {
    if (!(key instanceof String)) {
      return -1;
    }
    String name = (String) key;
    return indexOf(names, hashes, size, name, name.hashCode());
  }

  @Override
  public @Nullable Object get(@Nullable Object key) {
    int index = indexOf(key);
    return index < 0 ? null : values[index];
  }

  @Override
  public boolean containsKey(@Nullable Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean isEmpty() {
    return size == 0;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super Object> action) {
    for (int i = 0; i < size; i++) {
      action.accept(names[i], values[i]);
    }
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, Object>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          public Entry<String, Object> next() {
            if (next >= size) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>(names[i], values[i]);
          }
        };
      }

      @Override
      public int size() {
        return size;
      }
    };
  }
}
