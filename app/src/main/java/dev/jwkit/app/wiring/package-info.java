/**
 * The composition of jwkit's parts from a configuration: {@link dev.jwkit.app.wiring.KeyRingAccess}
 * connects the domain's rotation service to the configured storage and custody.
 */
@NullMarked
package dev.jwkit.app.wiring;

import org.jspecify.annotations.NullMarked;
