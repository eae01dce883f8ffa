package dev.jwkit.adapters.vault.testing;

import dev.jwkit.jose.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Tokens and AppRole of the fake Vault (VAULT-API.md B3). */
public final class FakeAuth {

  static final String ROOT_TOKEN = "root-token";

  /** One token; {@code expireAt} empty means it never expires (root). */
  public static final class TokenEntry {
    final String id;
    final String accessor = UUID.randomUUID().toString();
    final List<String> policies;
    final boolean renewable;
    final Duration ttl;
    final Instant issued;
    final Optional<Instant> maxExpire;
    volatile Optional<Instant> expireAt;
    volatile boolean revoked;

    TokenEntry(String id, List<String> policies, boolean renewable, Duration ttl, Instant issued, Optional<Duration> maxTtl) {
      this.id = id;
      this.policies = policies;
      this.renewable = renewable;
      this.ttl = ttl;
      this.issued = issued;
      this.expireAt = ttl.isZero() ? Optional.empty() : Optional.of(issued.plus(ttl));
      this.maxExpire = maxTtl.map(issued::plus);
    }

    boolean root() {
      return id.equals(ROOT_TOKEN);
    }
  }

  private record Role(String name, Set<String> secretIds, Duration ttl, boolean renewable, Optional<Duration> maxTtl,
      List<String> policies) {}

  /** The policies of the tokens the double gives unless told otherwise. */
  static final List<String> DEFAULT_POLICIES = List.of("default", "jwkit");

  /**
   * The ACL of each policy as path prefixes granting every capability: {@code default} as Vault's
   * built-in default policy grants the token's own lookup and renewal ({@code vault/policy_store.go},
   * {@code defaultPolicy}); {@code jwkit} grants the dev mounts, {@code all-paths} every path (a
   * {@code path "*"} policy). A path is allowed when a prefix of one of
   * the token's policies matches ({@code vault/acl.go}, {@code AllowOperation}, reduced to prefixes).
   */
  private static final Map<String, List<String>> POLICIES = Map.of(
      "default", List.of("auth/token/lookup-self", "auth/token/renew-self"),
      "jwkit", List.of("secret/", "transit/"),
      "all-paths", List.of(""));

  private final Clock clock;
  private final Map<String, TokenEntry> tokens = new ConcurrentHashMap<>();
  private final Map<String, Role> roles = new ConcurrentHashMap<>();
  private final AtomicInteger logins = new AtomicInteger();
  private final AtomicInteger renewals = new AtomicInteger();
  private volatile boolean quoteSecretId;
  private volatile boolean invalidTokenSaysSo = true;

  FakeAuth(Clock clock) {
    this.clock = clock;
    tokens.put(ROOT_TOKEN, new TokenEntry(ROOT_TOKEN, List.of("root"), false, Duration.ZERO, clock.instant(), Optional.empty()));
  }

  /** Creates a service token with the given TTL (zero: never expires) and the default policies. */
  public String createToken(Duration ttl, boolean renewable) {
    return createToken(ttl, renewable, DEFAULT_POLICIES);
  }

  /**
   * Creates a service token with the given policies, e.g. without {@code default} (then it may not look
   * itself up, renew itself, nor read the mount preflight of a mount it cannot use).
   */
  public String createToken(Duration ttl, boolean renewable, List<String> policies) {
    String id = "hvs." + UUID.randomUUID().toString().replace("-", "");
    tokens.put(id, new TokenEntry(id, List.copyOf(policies), renewable, ttl, clock.instant(), Optional.empty()));
    return id;
  }

  /** Registers an AppRole whose logins give tokens of the given TTL and the default policies. */
  public void addAppRole(String roleId, String secretId, Duration tokenTtl, boolean renewable) {
    addAppRole(roleId, secretId, tokenTtl, renewable, DEFAULT_POLICIES);
  }

  /** Registers an AppRole whose logins give tokens of the given TTL and policies. */
  public void addAppRole(String roleId, String secretId, Duration tokenTtl, boolean renewable, List<String> policies) {
    roles.put(roleId, new Role("jwkit", Set.of(secretId), tokenTtl, renewable, Optional.empty(), List.copyOf(policies)));
  }

  /**
   * How a request with an expired, revoked or unknown token is refused: HashiCorp Vault since 2024 says
   * {@code permission denied} and {@code invalid token} (true, the default; PR hashicorp/vault#26687),
   * OpenBao and older Vault only {@code permission denied} (false), as for a path the token may not use
   * ({@code vault/request_handling.go}, {@code CheckToken}).
   */
  public void invalidTokenSaysSo(boolean on) {
    invalidTokenSaysSo = on;
  }

  /** The 403 for a request without a valid token. */
  Reply invalidToken() {
    return invalidTokenSaysSo ? Reply.coreError(403, "permission denied", "invalid token") : Reply.coreError(403, "permission denied");
  }

  /** Whether the token's policies allow the path. */
  static boolean allows(TokenEntry e, String path) {
    return e.root() || e.policies.stream().flatMap(p -> POLICIES.getOrDefault(p, List.of()).stream()).anyMatch(path::startsWith);
  }

  /**
   * The mount preflight's ACL walk ({@code vault/logical_system.go}, {@code pathInternalUIMountRead}): a
   * valid token with any capability below the mount may read it.
   */
  static boolean hasMountAccess(TokenEntry e, String mount) {
    return e.root() || e.policies.stream().flatMap(p -> POLICIES.getOrDefault(p, List.of()).stream())
        .anyMatch(prefix -> prefix.startsWith(mount + "/"));
  }

  /**
   * Makes a refused AppRole login quote the secret id back, as {@code invalid secret_id "<secret>"}:
   * {@code builtin/credential/approle/path_login.go} ({@code logical.ErrorResponse("invalid secret_id %q",
   * secretID)}: in openbao/openbao when the secret id entry disappears during the lock switch, and in
   * older HashiCorp releases for any unknown secret id).
   */
  public void quoteSecretIdInLoginErrors(boolean on) {
    quoteSecretId = on;
  }

  /** Expires a token now (later requests with it get 403 permission denied / invalid token). */
  public void expire(String token) {
    TokenEntry e = tokens.get(token);
    if (e != null) {
      e.revoked = true;
    }
  }

  /** Expires every token except root. */
  public void expireAll() {
    tokens.values().stream().filter(e -> !e.root()).forEach(e -> e.revoked = true);
  }

  public int logins() {
    return logins.get();
  }

  public int renewals() {
    return renewals.get();
  }

  Optional<TokenEntry> lookup(String token) {
    TokenEntry e = tokens.get(token);
    if (e == null || e.revoked) {
      return Optional.empty();
    }
    if (e.expireAt.isPresent() && !clock.instant().isBefore(e.expireAt.get())) {
      return Optional.empty();
    }
    return Optional.of(e);
  }

  Reply login(String mount, Map<String, Object> body) {
    if (!mount.equals("approle")) {
      return Reply.coreError(404, "no handler for route \"auth/" + mount + "/login\". route entry not found.");
    }
    Object roleId = body.get("role_id");
    Object secretId = body.get("secret_id");
    if (!(roleId instanceof String) || ((String) roleId).isEmpty()) {
      return Reply.error(400, "missing role_id");
    }
    Role role = roles.get(roleId);
    if (!(secretId instanceof String) || ((String) secretId).isEmpty()) {
      return Reply.error(400, "missing secret_id");
    }
    if (role != null && quoteSecretId && !role.secretIds().contains(secretId)) {
      return Reply.error(400, "invalid secret_id \"" + secretId + "\"");
    }
    if (role == null || !role.secretIds().contains(secretId)) {
      return Reply.error(400, "invalid role or secret ID");
    }
    logins.incrementAndGet();
    String id = "hvs." + UUID.randomUUID().toString().replace("-", "");
    TokenEntry e = new TokenEntry(id, role.policies(), role.renewable(), role.ttl(), clock.instant(), role.maxTtl());
    tokens.put(id, e);
    return Reply.envelope(200, null, null, authBlock(e, role.ttl().toSeconds(), Map.of("role_name", role.name())), "");
  }

  Reply lookupSelf(TokenEntry e) {
    Instant now = clock.instant();
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("accessor", e.accessor);
    d.put("creation_time", e.issued.getEpochSecond());
    d.put("creation_ttl", e.ttl.toSeconds());
    d.put("display_name", e.root() ? "root" : "approle");
    d.put("entity_id", "");
    d.put("expire_time", e.expireAt.map(DateTimeFormatter.ISO_INSTANT::format).map(Object.class::cast).orElse(Json.NULL));
    d.put("explicit_max_ttl", 0L);
    d.put("id", e.id);
    d.put("issue_time", DateTimeFormatter.ISO_INSTANT.format(e.issued));
    d.put("meta", Json.NULL);
    d.put("num_uses", 0L);
    d.put("orphan", true);
    d.put("path", e.root() ? "auth/token/root" : "auth/approle/login");
    d.put("policies", e.policies);
    d.put("renewable", e.renewable);
    d.put("ttl", e.expireAt.map(x -> Math.max(0, Duration.between(now, x).toSeconds())).orElse(0L));
    d.put("type", "service");
    return Reply.ok(d, null, "token");
  }

  Reply renewSelf(TokenEntry e, Map<String, Object> body) {
    if (!e.renewable || e.expireAt.isEmpty()) {
      return Reply.error(400, "lease is not renewable");
    }
    Duration increment = e.ttl;
    Object inc = body.get("increment");
    if (inc instanceof Long) {
      increment = Duration.ofSeconds((Long) inc);
    } else if (inc instanceof String && ((String) inc).matches("\\d+[smh]?")) {
      String s = (String) inc;
      char unit = Character.isDigit(s.charAt(s.length() - 1)) ? 's' : s.charAt(s.length() - 1);
      long n = Long.parseLong(unit == 's' && Character.isDigit(s.charAt(s.length() - 1)) ? s : s.substring(0, s.length() - 1));
      increment = unit == 'h' ? Duration.ofHours(n) : unit == 'm' ? Duration.ofMinutes(n) : Duration.ofSeconds(n);
    }
    Instant now = clock.instant();
    Instant newExpire = now.plus(increment);
    if (e.maxExpire.isPresent() && newExpire.isAfter(e.maxExpire.get())) {
      newExpire = e.maxExpire.get();
    }
    e.expireAt = Optional.of(newExpire);
    renewals.incrementAndGet();
    long lease = Duration.between(now, newExpire).toSeconds();
    return Reply.envelope(200, null, null, authBlock(e, lease, Map.of()), "token");
  }

  private static Map<String, Object> authBlock(TokenEntry e, long lease, Map<String, String> metadata) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("client_token", e.id);
    a.put("accessor", e.accessor);
    a.put("policies", e.policies);
    a.put("token_policies", e.policies);
    a.put("metadata", metadata.isEmpty() ? Json.NULL : metadata);
    a.put("lease_duration", lease);
    a.put("renewable", e.renewable);
    a.put("entity_id", "7d2e3179-f69b-450c-7179-ac8ee8bd8ca9");
    a.put("token_type", "service");
    a.put("orphan", true);
    a.put("mfa_requirement", Json.NULL);
    a.put("num_uses", 0L);
    return a;
  }
}
