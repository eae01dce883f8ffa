package dev.jwkit.adapters.vault.internal;

import dev.jwkit.adapters.vault.VaultAuth;
import dev.jwkit.adapters.vault.VaultError;
import dev.jwkit.jose.JwkitException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The Vault token of one client: obtained from the configured supplier or by AppRole login, renewed
 * ({@code auth/token/renew-self}) once a share of its lease has passed, obtained again when renewal is
 * impossible or after a 403 that says the token may have expired.
 *
 * <p>Vault answers {@code permission denied} both for a path the token may not use and for an
 * expired, revoked or unknown token (HashiCorp adds {@code invalid token} to the latter since 2024;
 * OpenBao and older releases do not). Logging in again after a 403 of the first kind only spends a
 * lease (and, repeated on every call, exhausts the lease-count quota), so {@link #replaceAfterDenial}
 * decides: {@code invalid token} in the answer, or a lease that has run out, means expired; otherwise
 * {@code auth/token/lookup-self} tells (an answer: the token is valid, the path is not allowed). A token
 * without the {@code default} policy may not look itself up (nor renew itself): it is then used with
 * what is known of its lease, and a token of unknown lease is replaced at most once.
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
  /** Whether the token may call lookup-self (it has the default policy, or a lookup answered). */
  private boolean mayLookupSelf;
  /** The last token replaced after a 403 without knowing whether it had expired. */
  private @Nullable String replacedUnsure;

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

  /**
   * Decides after a 403 to a request sent with {@code rejected} whether the token may have expired or
   * been revoked; if so it is forgotten (the next {@link #token()} logs in again or re-reads the
   * supplier) and the request may be repeated.
   *
   * @param detail Vault's error text
   * @return whether a fresh token may help
   */
  synchronized boolean replaceAfterDenial(String rejected, String detail) {
    if (!rejected.equals(token)) {
      return true; // replaced meanwhile by another caller
    }
    boolean expired = detail.toLowerCase(Locale.ROOT).contains("invalid token")
        || (expiresAt != null && !clock.instant().isBefore(expiresAt))
        || lookupSaysInvalid(rejected);
    if (expired) {
      token = null;
      renewAt = null;
      expiresAt = null;
    }
    return expired;
  }

  private boolean lookupSaysInvalid(String candidate) {
    if (!mayLookupSelf && expiresAt != null) {
      return false; // the lookup would be refused anyway, and the lease says the token is still valid
    }
    try {
      client.sendWithToken(VaultRequest.read("auth/token/lookup-self"), candidate);
      return false; // the token is valid: the path is not allowed
    } catch (JwkitException e) {
      if (e.code() != VaultError.PERMISSION_DENIED) {
        return false; // cannot tell: keep the token and report the 403
      }
      if (mayLookupSelf || e.getMessage().toLowerCase(Locale.ROOT).contains("invalid token")) {
        return true; // a token that could look itself up no longer can: it is gone
      }
      if (expiresAt == null && !candidate.equals(replacedUnsure)) {
        replacedUnsure = candidate; // unknown lease: replace it once, never again for the same token
        return true;
      }
      return false;
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
    mayLookupSelf = hasDefaultPolicy(a.get("token_policies")) || hasDefaultPolicy(a.get("policies"));
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
      r = client.sendWithToken(VaultRequest.probe("auth/token/lookup-self"), candidate);
    } catch (JwkitException e) {
      if (e.code() == VaultError.PERMISSION_DENIED) {
        throw new JwkitException(VaultError.AUTH_FAILED, "the supplied Vault token was refused by auth/token/lookup-self", e);
      }
      throw e;
    }
    token = candidate;
    if (r.status() == 403) {
      if (VaultErrors.detail(r.errors()).toLowerCase(Locale.ROOT).contains("invalid token")) {
        token = null;
        throw new JwkitException(VaultError.AUTH_FAILED, "the supplied Vault token was refused by auth/token/lookup-self: invalid token");
      }
      // a token without the default policy: usable, but its lease is unknown and it is not renewed
      mayLookupSelf = false;
      schedule(now, 0, false);
      LOG.log(Level.INFO, "auth/token/lookup-self refused (a token without the default policy?): "
          + "the token is used without knowing its lease");
      return;
    }
    Map<String, Object> data = r.data();
    long ttl = VaultResponse.optionalInteger(data, "ttl").orElse(0L);
    mayLookupSelf = true;
    schedule(now, ttl, Boolean.TRUE.equals(data.get("renewable")));
  }

  private static boolean hasDefaultPolicy(@Nullable Object policies) {
    return policies instanceof List && ((List<?>) policies).contains("default");
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
