package dev.jwkit.adapters.http.fetching;

import dev.jwkit.jwks.port.KeySourceEvent;
import dev.jwkit.jwks.port.KeySourceListener;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * Micrometer meters of one {@link CachingKeySource}, as an adapter of the domain's {@link
 * KeySourceListener} port: fetches by outcome with their latency (from the events), lookups by result,
 * keys held and the age of the held set (read from the source). Registered through {@link
 * CachingKeySource.Builder#meterRegistry}; tagged with the location (without query).
 *
 * <p>The only class of the fetching side that uses Micrometer (an optional dependency of this module): it
 * is loaded only when a registry was given.
 */
final class KeySourceMetrics implements KeySourceListener {

  static final String FETCH = "jwkit.jwks.fetch";
  static final String LOOKUPS = "jwkit.jwks.lookups";
  static final String KEYS = "jwkit.jwks.keys";
  static final String AGE = "jwkit.jwks.age";

  private final MeterRegistry registry;
  private final Tags tags;

  /** Registers the source's lookup and key gauges in {@code registry}; returns the listener of its fetches. */
  static KeySourceListener register(MeterRegistry registry, CachingKeySource source) {
    return new KeySourceMetrics(registry, source);
  }

  private KeySourceMetrics(MeterRegistry registry, CachingKeySource source) {
    this.registry = registry;
    this.tags = Tags.of("location", source.location());
    FunctionCounter.builder(LOOKUPS, source, CachingKeySource::hitCount)
        .tags(tags).tag("result", "hit").description("key lookups answered from the held set").register(registry);
    FunctionCounter.builder(LOOKUPS, source, CachingKeySource::missCount)
        .tags(tags).tag("result", "miss").description("key lookups whose kid was not held").register(registry);
    Gauge.builder(KEYS, source, s -> s.health().keys())
        .tags(tags).description("usable public keys held").register(registry);
    Gauge.builder(AGE, source, s -> s.health().age().map(a -> a.toMillis() / 1000.0).orElse(Double.NaN))
        .tags(tags).baseUnit("seconds").description("time since the held set was last validated").register(registry);
  }

  @Override
  public void onEvent(KeySourceEvent event) {
    if (event instanceof KeySourceEvent.Fetched) {
      KeySourceEvent.Fetched f = (KeySourceEvent.Fetched) event;
      timer(f.notModified() ? "not_modified" : "success").record(f.latency());
    } else if (event instanceof KeySourceEvent.FetchFailed) {
      KeySourceEvent.FetchFailed f = (KeySourceEvent.FetchFailed) event;
      timer(f.code().id()).record(f.latency());
    }
  }

  private Timer timer(String outcome) {
    return Timer.builder(FETCH).tags(tags).tag("outcome", outcome)
        .description("key set fetches by outcome").register(registry);
  }

}
