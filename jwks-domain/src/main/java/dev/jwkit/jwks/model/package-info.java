/**
 * The key-ring domain model: {@link dev.jwkit.jwks.model.KeyRing} (the aggregate of one issuer's
 * {@link dev.jwkit.jwks.model.ManagedKey}s), the lifecycle {@link dev.jwkit.jwks.model.KeyState}, the
 * validated {@link dev.jwkit.jwks.model.RotationPolicy}, the pure {@link
 * dev.jwkit.jwks.model.RotationPlanner} {@code (ring, policy, now) → (ring', events)}, operator commands,
 * {@link dev.jwkit.jwks.model.Publication} (the public JWKS at an instant), domain events, the remote
 * key-set cache policy, the key-ring document format, and the error codes of the module.
 *
 * <p>Everything here is a pure function of its inputs: no I/O, no ambient time (instants are passed in),
 * no threads.
 */
@NullMarked
package dev.jwkit.jwks.model;

import org.jspecify.annotations.NullMarked;
