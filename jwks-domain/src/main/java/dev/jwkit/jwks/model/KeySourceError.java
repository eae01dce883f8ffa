package dev.jwkit.jwks.model;

import dev.jwkit.jose.ErrorCode;

/**
 * The error codes of key sources (where verifiers get their public keys). The ids are stable: they are
 * listed in the jwks-domain README and renaming one is a breaking change.
 */
public enum KeySourceError implements ErrorCode {
  /** A key set could not be fetched (network failure, timeout, bad status, bad content type). */
  FETCH_FAILED("keysource.fetch_failed"),
  /** The last good key set is older than the maximum staleness allowed: the source fails closed. */
  STALE_BEYOND_LIMIT("keysource.stale_beyond_limit"),
  /** No key with the token's {@code kid} is known, even after the refresh the cooldown allowed. */
  UNKNOWN_KID("keysource.unknown_kid"),
  /** A fetched key set that cannot be used (malformed, too large, private or symmetric members). */
  INVALID_KEY_SET("keysource.invalid_key_set"),
  /** The source has never loaded a key set (cold start failed). */
  NOT_LOADED("keysource.not_loaded");

  private final String id;

  KeySourceError(String id) {
    this.id = id;
  }

  @Override
  public String id() {
    return id;
  }
}
