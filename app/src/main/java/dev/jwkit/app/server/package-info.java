/**
 * The jwkit server ({@link dev.jwkit.app.server.JwkitServer}): publishes the ring's JWKS through the HTTP
 * adapter's endpoint, runs the rotation schedule, reloads the ring written by other processes, and serves
 * {@code /health} and Prometheus {@code /metrics}.
 */
@NullMarked
package dev.jwkit.app.server;

import org.jspecify.annotations.NullMarked;
