package dev.jwkit.jose.jwk;

/** What a key is about to be used for, in {@link JwkAlgorithmBinding#checkUsableFor}. */
public enum KeyUsage {
  /** Producing a signature or MAC: needs a private or oct key, {@code key_ops} (if any) containing {@code sign}. */
  SIGN,
  /** Checking a signature or MAC: {@code key_ops} (if any) containing {@code verify}. */
  VERIFY
}
