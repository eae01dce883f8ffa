/**
 * jwkit's configuration: one YAML file, {@code JWKIT_}-prefixed environment variables over it, and
 * command-line flags over both ({@link dev.jwkit.app.config.ConfigLoader} builds a validated {@link
 * dev.jwkit.app.config.JwkitConfig}, reporting every problem at once).
 */
@NullMarked
package dev.jwkit.app.config;

import org.jspecify.annotations.NullMarked;
