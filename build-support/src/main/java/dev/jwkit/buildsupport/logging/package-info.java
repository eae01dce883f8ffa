/**
 * How every module's tests log: {@link dev.jwkit.buildsupport.logging.QuietTestLogging} keeps JUL (the default
 * backend of System.Logger, and SLF4J's through slf4j-jdk14) to one line per warning.
 */
@NullMarked
package dev.jwkit.buildsupport.logging;

import org.jspecify.annotations.NullMarked;
