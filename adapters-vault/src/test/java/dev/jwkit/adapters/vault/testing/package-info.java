/**
 * Test scope only: {@link dev.jwkit.adapters.vault.testing.FakeVault}, an in-process double of the
 * Vault HTTP API that the adapters' tests run against, with its fault-injection hooks, and a test
 * clock and sleeper.
 */
@NullMarked
package dev.jwkit.adapters.vault.testing;

import org.jspecify.annotations.NullMarked;
