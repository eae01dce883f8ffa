/**
 * The in-memory adapter, shipped for tests and for embedding: {@link
 * dev.jwkit.jwks.inmemory.InMemoryKeyRingRepository} (compare-and-set in a concurrent map). It is the
 * reference implementation that runs the repository contract suite first. Production custody lives in
 * {@code dev.jwkit.jwks.custody}.
 */
@NullMarked
package dev.jwkit.jwks.inmemory;

import org.jspecify.annotations.NullMarked;
