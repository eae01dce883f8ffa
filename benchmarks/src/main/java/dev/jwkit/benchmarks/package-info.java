/**
 * JMH benchmarks: jwkit against Nimbus JOSE+JWT, jose4j, Auth0 java-jwt and the raw JCA floor.
 *
 * <p>One class per implementation ({@link dev.jwkit.benchmarks.RawJcaBench},
 * {@link dev.jwkit.benchmarks.NimbusBench}, {@link dev.jwkit.benchmarks.Jose4jBench},
 * {@link dev.jwkit.benchmarks.Auth0Bench}), each with the same workloads ({@code verify}, {@code sign},
 * {@code parseJwks}) over the same {@link dev.jwkit.benchmarks.Fixture}, plus
 * {@link dev.jwkit.benchmarks.ProviderBench} (JDK against Bouncy Castle). Not a library: run with
 * {@code benchmarks/run}, which prints one table.
 */
@NullMarked
package dev.jwkit.benchmarks;

import org.jspecify.annotations.NullMarked;
