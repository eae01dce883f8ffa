package dev.jwkit.adapters.vault.internal;

import dev.jwkit.adapters.vault.Sleeper;
import dev.jwkit.adapters.vault.VaultError;
import dev.jwkit.adapters.vault.VaultSettings;
import dev.jwkit.jose.JwkitException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * A thin Vault HTTP API client: sends {@link VaultRequest}s with the session's token, retries
 * transient failures with exponential backoff and full jitter inside an overall deadline, obtains a
 * fresh token once after a 403 when the token may have expired (not when it is merely not allowed: see
 * {@code TokenSession#replaceAfterDenial}), and turns Vault's error envelope into {@link JwkitException}s with a {@link
 * VaultError} code.
 *
 * <h2>Security</h2>
 * The token is sent only in the {@code X-Vault-Token} header to the configured address (redirects are
 * not followed). It is never logged and never part of an exception message; logs name the method, the
 * path, the status and the attempt.
 *
 * <h2>Thread safety</h2>
 * Instances are safe for concurrent use; the token session is shared by all callers.
 */
public final class VaultClient {

  private static final System.Logger LOG = System.getLogger("dev.jwkit.adapters.vault");
  /** Body members that carry credentials (AppRole login, token calls). */
  private static final List<String> CREDENTIAL_FIELDS = List.of("secret_id", "role_id", "token", "client_token", "password");

  private final VaultSettings settings;
  private final HttpTransport transport;
  private final TokenSession session;
  private final Clock clock;
  private final Sleeper sleeper;

  private VaultClient(VaultSettings settings) {
    this.settings = settings;
    this.transport = new HttpTransport(settings);
    this.clock = settings.clock();
    this.sleeper = settings.sleeper();
    this.session = new TokenSession(this, settings.auth(), clock, settings.renewAtLeaseFraction());
  }

  /** Creates a client; no request is sent until the first call. */
  public static VaultClient create(VaultSettings settings) {
    Objects.requireNonNull(settings, "settings");
    return new VaultClient(settings);
  }

  /** The settings this client was made from. */
  public VaultSettings settings() {
    return settings;
  }

  /**
   * Sends an authenticated request.
   *
   * @return the answer: a 2xx, or a 404 when the request says {@link VaultRequest#missingOk()}
   * @throws JwkitException with a {@link VaultError} code for every other outcome; when the request was
   *     sent more than once, the failures of the earlier attempts are its suppressed exceptions
   */
  public VaultResponse send(VaultRequest request) {
    return execute(request, Auth.SESSION, null);
  }

  /** Sends a request without a token (AppRole login, sys/health). */
  VaultResponse sendAnonymous(VaultRequest request) {
    return execute(request, Auth.NONE, null);
  }

  /** Sends a request with the given token and no re-login on 403 (token lookup and renewal). */
  VaultResponse sendWithToken(VaultRequest request, String token) {
    return execute(request, Auth.EXPLICIT, token);
  }

  private enum Auth { NONE, SESSION, EXPLICIT }

  private VaultResponse execute(VaultRequest request, Auth auth, @Nullable String explicitToken) {
    Instant deadline = clock.instant().plus(settings.callDeadline());
    boolean reauthenticated = false;
    int attempt = 0;
    List<JwkitException> earlier = new ArrayList<>();
    while (true) {
      attempt++;
      String token = auth == Auth.SESSION ? session.token() : explicitToken;
      Duration remaining = Duration.between(clock.instant(), deadline);
      if (remaining.isNegative() || remaining.isZero()) {
        throw withEarlier(new JwkitException(VaultError.DEADLINE_EXCEEDED,
            request.method() + " " + request.path() + ": no answer within " + settings.callDeadline().toMillis() + " ms"), earlier);
      }
      Duration timeout = remaining.compareTo(settings.readTimeout()) < 0 ? remaining : settings.readTimeout();
      JwkitException failure;
      boolean delivered;
      Long retryAfter = null;
      try {
        VaultResponse response = transport.exchange(request, token, timeout);
        LOG.log(Level.DEBUG, "{0} {1} -> {2}", request.method(), request.path(), String.valueOf(response.status()));
        if (response.isSuccess() || (response.isNotFound() && request.missingOk() && !isRouteMissing(response))
            || (response.status() == 403 && request.deniedOk())) {
          return response;
        }
        failure = VaultErrors.toException(response, request.method(), request.path(), secretsOf(request, token));
        VaultError code = (VaultError) failure.code();
        delivered = !(code == VaultError.SEALED || code == VaultError.STANDBY || code == VaultError.RATE_LIMITED);
        retryAfter = response.retryAfterSeconds().orElse(null);
        if (code == VaultError.PERMISSION_DENIED && auth == Auth.SESSION && !reauthenticated && token != null
            && session.replaceAfterDenial(token, VaultErrors.detail(response.errors()))) {
          reauthenticated = true;
          LOG.log(Level.INFO, "{0} {1} -> 403 with a token that may have expired; authenticating again once",
              request.method(), request.path());
          attempt--;
          continue;
        }
      } catch (JwkitException e) {
        if (e.code() != VaultError.UNREACHABLE) {
          throw withEarlier(e, earlier);
        }
        failure = e;
        delivered = !HttpTransport.notDelivered(e.getCause());
      }
      VaultError code = (VaultError) failure.code();
      boolean mayRepeat = code.isTransient() && (request.idempotent() || !delivered);
      if (!mayRepeat || attempt >= settings.maxAttempts()) {
        throw withEarlier(failure, earlier);
      }
      Duration pause = backoff(attempt, retryAfter);
      if (clock.instant().plus(pause).isAfter(deadline)) {
        throw withEarlier(failure, earlier);
      }
      earlier.add(failure);
      LOG.log(Level.WARNING, "{0} {1} failed ({2}); retry {3} of {4} in {5} ms", request.method(), request.path(),
          code.id(), String.valueOf(attempt), String.valueOf(settings.maxAttempts() - 1),
          String.valueOf(pause.toMillis()));
      sleeper.sleep(pause);
    }
  }

  /**
   * The final failure of a request, carrying the failures of its earlier attempts as suppressed
   * exceptions: a caller can tell that the request was repeated (a repeated write may have taken effect
   * the first time).
   */
  private static JwkitException withEarlier(JwkitException failure, List<JwkitException> earlier) {
    for (JwkitException e : earlier) {
      if (e != failure) {
        failure.addSuppressed(e);
      }
    }
    return failure;
  }

  /** The values a Vault error text must never repeat: the token and the credentials in the body. */
  private static List<String> secretsOf(VaultRequest request, @Nullable String token) {
    List<String> secrets = new ArrayList<>();
    if (token != null) {
      secrets.add(token);
    }
    request.body().ifPresent(body -> {
      for (String name : CREDENTIAL_FIELDS) {
        if (body.get(name) instanceof String) {
          secrets.add((String) body.get(name));
        }
      }
    });
    return secrets;
  }

  private static boolean isRouteMissing(VaultResponse response) {
    return VaultErrors.detail(response.errors()).contains("no handler for route");
  }

  /**
   * Full jitter: uniform in [0, min(max, initial * 2^(attempt-1))], and at least Retry-After (cut to
   * {@link VaultSettings#maxRetryAfter()}).
   */
  private Duration backoff(int attempt, @Nullable Long retryAfterSeconds) {
    long capMillis = settings.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
    capMillis = Math.min(capMillis, settings.maxBackoff().toMillis());
    long millis = capMillis <= 0 ? 0 : ThreadLocalRandom.current().nextLong(capMillis + 1);
    if (retryAfterSeconds != null) {
      long cap = settings.maxRetryAfter().toMillis();
      millis = Math.max(millis, retryAfterSeconds > cap / 1000 ? cap : retryAfterSeconds * 1000);
    }
    return Duration.ofMillis(millis);
  }
}
