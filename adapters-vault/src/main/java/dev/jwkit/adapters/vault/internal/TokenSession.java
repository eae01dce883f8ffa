package dev.jwkit.adapters.vault.internal;

import dev.jwkit.adapters.vault.VaultAuth;
import dev.jwkit.adapters.vault.VaultError;
import dev.jwkit.jose.JwkitException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The Vault token of one client: obtained from the configured supplier or by AppRole login, renewed
 * ({@code auth/token/renew-self}) once a share of its lease has passed, obtained again when renewal is
 * impossible or after Vault answered 403.
 *
 * <p>Thread safety: all state is guarded by this object's monitor; callers block while a login or a
 * renewal is in flight, so that replicas of one process do not log in many times at once.
 */
final class TokenSession {

  private static final System.Logger LOG = System.getLogger("dev.jwkit.adapters.vault");

  private final VaultClient client;
  private final VaultAuth auth;
  private final Clock clock;
  private final double renewFraction;

  private @Nullable String token;
  private @Nullable Instant renewAt;
  private @Nullable Instant expiresAt;
  private boolean renewable;

  TokenSession(VaultClient client, VaultAuth auth, Clock clock, double renewFraction) {
    this.client = client;
    this.auth = auth;
    this.clock = clock;
    this.renewFraction = renewFraction;
  }

  /** The current token, obtaining or renewing it first when needed. */
  synchronized String token() {
    Instant now = clock.instant();
    if (token != null && renewAt != null && !now.isBefore(renewAt)) {
      refresh(now);
    }
    if (token == null) {
      acquire();
    }
    return token;
  }

  /** Forgets the token after a 403, if it is still the current one. */
  synchronized void invalidate(String rejected) {
    if (rejected.equals(token)) {
      token = null;
      renewAt = null;
      expiresAt = null;
    }
  }

  private void refresh(Instant now) {
    String current = token;
    boolean expired = expiresAt != null && !now.isBefore(expiresAt);
    if (renewable && !expired && current != null) {
      try {
        VaultResponse r = client.sendWithToken(
            VaultRequest.write("auth/token/renew-self", Map.of(), true), current);
        Map<String, Object> a = r.auth();
        long lease = VaultResponse.optionalInteger(a, "lease_duration").orElse(0L);
        boolean stillRenewable = Boolean.TRUE.equals(a.get("renewable"));
        Object newToken = a.get("client_token");
        if (newToken instanceof String && !((String) newToken).isEmpty()) {
          token = (String) newToken;
        }
        // A renewal that no longer extends the lease (max TTL reached) is as good as none.
        if (lease > 0) {
          // when no longer renewable, the next refresh logs in again (AppRole) or keeps the token
          schedule(now, lease, stillRenewable);
          LOG.log(Level.DEBUG, "renewed the Vault token for {0} s", String.valueOf(lease));
          return;
        }
      } catch (JwkitException e) {
        if (!(e.code() instanceof VaultError) || ((VaultError) e.code()).isTransient()) {
          throw e;
        }
        LOG.log(Level.INFO, "Vault refused to renew the token ({0}); authenticating again", e.code().id());
      }
    }
    if (auth instanceof VaultAuth.AppRole || expired) {
      token = null;
    } else {
      renewAt = null; // a static token that cannot be renewed is used until Vault refuses it
    }
  }

  private void acquire() {
    Instant now = clock.instant();
    if (auth instanceof VaultAuth.AppRole) {
      login((VaultAuth.AppRole) auth, now);
    } else {
      useSuppliedToken(((VaultAuth.Token) auth), now);
    }
  }

  private void login(VaultAuth.AppRole appRole, Instant now) {
    String secretId = appRole.secretIdSupplier().get();
    if (secretId == null || secretId.isBlank()) {
      throw new JwkitException(VaultError.AUTH_FAILED, "auth/" + appRole.mount() + "/login: no secret id supplied");
    }
    VaultResponse r;
    try {
      r = client.sendAnonymous(VaultRequest.write("auth/" + appRole.mount() + "/login",
          Map.of("role_id", appRole.roleId(), "secret_id", secretId), true));
    } catch (JwkitException e) {
      if (e.code() == VaultError.INVALID_REQUEST || e.code() == VaultError.PERMISSION_DENIED) {
        throw new JwkitException(VaultError.AUTH_FAILED, "AppRole login refused at auth/" + appRole.mount() + "/login", e);
      }
      throw e;
    }
    Map<String, Object> a = r.auth();
    String clientToken = VaultResponse.string(a, "client_token", "auth/" + appRole.mount() + "/login");
    long lease = VaultResponse.optionalInteger(a, "lease_duration").orElse(0L);
    token = clientToken;
    schedule(now, lease, Boolean.TRUE.equals(a.get("renewable")));
    LOG.log(Level.INFO, "logged in to Vault with AppRole at auth/{0} for {1} s", appRole.mount(),
        String.valueOf(lease));
  }

  private void useSuppliedToken(VaultAuth.Token tokenAuth, Instant now) {
    String supplied = tokenAuth.tokenSupplier().get();
    if (supplied == null || supplied.isBlank()) {
      throw new JwkitException(VaultError.AUTH_FAILED, "no Vault token supplied");
    }
    String candidate = supplied.strip();
    VaultResponse r;
    try {
      r = client.sendWithToken(VaultRequest.read("auth/token/lookup-self"), candidate);
    } catch (JwkitException e) {
      if (e.code() == VaultError.PERMISSION_DENIED) {
        throw new JwkitException(VaultError.AUTH_FAILED, "the supplied Vault token was refused by auth/token/lookup-self", e);
      }
      throw e;
    }
    Map<String, Object> data = r.data();
    long ttl = VaultResponse.optionalInteger(data, "ttl").orElse(0L);
    token = candidate;
    schedule(now, ttl, Boolean.TRUE.equals(data.get("renewable")));
  }

  private void schedule(Instant now, long leaseSeconds, boolean isRenewable) {
    renewable = isRenewable;
    if (leaseSeconds <= 0) {
      renewAt = null; // root or non-expiring token
      expiresAt = null;
      return;
    }
    Duration lease = Duration.ofSeconds(leaseSeconds);
    expiresAt = now.plus(lease);
    renewAt = now.plusMillis((long) (lease.toMillis() * renewFraction));
  }

  /** When the token is renewed next, for tests. */
  synchronized Optional<Instant> renewAt() {
    return Optional.ofNullable(renewAt);
  }
}
