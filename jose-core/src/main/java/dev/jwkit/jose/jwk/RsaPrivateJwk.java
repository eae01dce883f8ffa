package dev.jwkit.jose.jwk;

import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.internal.jwk.Bytes;
import dev.jwkit.jose.internal.jwk.JcaKeys;
import dev.jwkit.jose.jwa.KeyType;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A private RSA JWK (RFC 7518 §6.3.2): the public part plus {@code d} and, optionally, all five CRT members
 * ({@code p}, {@code q}, {@code dp}, {@code dq}, {@code qi}); {@code oth} (multi-prime) is not supported.
 *
 * <p>Validated on creation: every member is a minimal positive integer; with CRT members, n = p·q, dp = d
 * mod (p−1), dq = d mod (q−1), e·dp ≡ 1 mod (p−1), e·dq ≡ 1 mod (q−1) and qi·q ≡ 1 mod p; without them,
 * d &lt; n and (2^e)^d ≡ 2 mod n. A modulus with the ROCA fingerprint (CVE-2017-15361) is refused.
 *
 * <h2>Security</h2>
 * {@code toString()} redacts {@code d} and the CRT members; there is no {@code equals}/{@code hashCode}
 * ({@link #equalsKey} compares in constant time); exception messages never contain key material.
 *
 * <h2>Thread safety</h2>
 * Instances are immutable and safe for concurrent use; the JCA key is built once, on first use.
 */
public final class RsaPrivateJwk implements PrivateJwk {

  private final RsaPublicJwk publicJwk;
  private final byte[] d;
  private final byte[] p;
  private final byte[] q;
  private final byte[] dp;
  private final byte[] dq;
  private final byte[] qi;
  private volatile PrivateKey privateKey;

  /** CRT members are either all null or all non-null. */
  RsaPrivateJwk(RsaPublicJwk publicJwk, byte[] d, byte[] p, byte[] q, byte[] dp, byte[] dq, byte[] qi) {
    this.publicJwk = publicJwk;
    this.d = d;
    this.p = p;
    this.q = q;
    this.dp = dp;
    this.dq = dq;
    this.qi = qi;
    validate();
  }

  /** A copy with other metadata; the key material was validated already. */
  private RsaPrivateJwk(RsaPrivateJwk source, RsaPublicJwk publicJwk) {
    this.publicJwk = publicJwk;
    this.d = source.d;
    this.p = source.p;
    this.q = source.q;
    this.dp = source.dp;
    this.dq = source.dq;
    this.qi = source.qi;
    this.privateKey = source.privateKey;
  }

  private void validate() {
    publicJwk.checkNotRoca();
    KeyChecks.checkRsaPrivateMember("d", d);
    BigInteger n = publicJwk.modulus();
    BigInteger e = publicJwk.publicExponent();
    BigInteger dv = Bytes.unsigned(d);
    if (dv.compareTo(n) >= 0) {
      throw mismatch();
    }
    if (p == null) {
      BigInteger two = BigInteger.TWO;
      if (!two.modPow(e, n).modPow(dv, n).equals(two)) {
        throw mismatch();
      }
      return;
    }
    KeyChecks.checkRsaPrivateMember("p", p);
    KeyChecks.checkRsaPrivateMember("q", q);
    KeyChecks.checkRsaPrivateMember("dp", dp);
    KeyChecks.checkRsaPrivateMember("dq", dq);
    KeyChecks.checkRsaPrivateMember("qi", qi);
    BigInteger pv = Bytes.unsigned(p);
    BigInteger qv = Bytes.unsigned(q);
    if (pv.compareTo(BigInteger.ONE) <= 0 || qv.compareTo(BigInteger.ONE) <= 0 || !pv.multiply(qv).equals(n)) {
      throw mismatch();
    }
    BigInteger p1 = pv.subtract(BigInteger.ONE);
    BigInteger q1 = qv.subtract(BigInteger.ONE);
    BigInteger dpv = Bytes.unsigned(dp);
    BigInteger dqv = Bytes.unsigned(dq);
    if (!dv.mod(p1).equals(dpv) || !dv.mod(q1).equals(dqv)
        || !e.multiply(dpv).mod(p1).equals(BigInteger.ONE) || !e.multiply(dqv).mod(q1).equals(BigInteger.ONE)
        || !Bytes.unsigned(qi).multiply(qv).mod(pv).equals(BigInteger.ONE)) {
      throw mismatch();
    }
  }

  private JwkitException mismatch() {
    return new JwkitException(JoseError.INVALID_KEY,
        "RSA private members do not match the public key" + KeyChecks.kidContext(publicJwk.metadata()));
  }

  @Override
  public KeyType kty() {
    return KeyType.RSA;
  }

  @Override
  public JwkMetadata metadata() {
    return publicJwk.metadata();
  }

  /** The size of the modulus in bits. */
  public int modulusBits() {
    return publicJwk.modulusBits();
  }

  /** Whether the CRT members are present. */
  public boolean hasCrtParameters() {
    return p != null;
  }

  @Override
  public RsaPublicJwk toPublicJwk() {
    return publicJwk;
  }

  @Override
  public PrivateKey toPrivateKey() {
    PrivateKey key = privateKey;
    if (key == null) {
      key = p == null
          ? JcaKeys.rsaPrivate(publicJwk.modulus(), publicJwk.publicExponent(), Bytes.unsigned(d), null, null, null, null, null)
          : JcaKeys.rsaPrivate(publicJwk.modulus(), publicJwk.publicExponent(), Bytes.unsigned(d), Bytes.unsigned(p),
              Bytes.unsigned(q), Bytes.unsigned(dp), Bytes.unsigned(dq), Bytes.unsigned(qi));
      privateKey = key;
    }
    return key;
  }

  @Override
  public Thumbprint thumbprint(ThumbprintHash hash) {
    return publicJwk.thumbprint(hash);
  }

  @Override
  public Map<String, Object> toJsonObject() {
    LinkedHashMap<String, Object> map = JwkJson.start(KeyType.RSA.jwkName());
    publicJwk.putMembers(map);
    JwkJson.putBytes(map, Members.D, d);
    if (p != null) {
      JwkJson.putBytes(map, Members.P, p);
      JwkJson.putBytes(map, Members.Q, q);
      JwkJson.putBytes(map, Members.DP, dp);
      JwkJson.putBytes(map, Members.DQ, dq);
      JwkJson.putBytes(map, Members.QI, qi);
    }
    return JwkJson.finish(map, metadata());
  }

  @Override
  public RsaPrivateJwk withMetadata(JwkMetadata newMetadata) {
    Objects.requireNonNull(newMetadata, "metadata");
    return new RsaPrivateJwk(this, publicJwk.withMetadata(newMetadata));
  }

  @Override
  public boolean equalsKey(PrivateJwk other) {
    if (!(other instanceof RsaPrivateJwk)) {
      return false;
    }
    RsaPrivateJwk o = (RsaPrivateJwk) other;
    int len = Math.max(publicJwk.n().length, o.publicJwk.n().length);
    boolean sameModulus = publicJwk.modulus().equals(o.publicJwk.modulus());
    boolean sameD = Bytes.constantTimeEquals(Bytes.fixed(Bytes.unsigned(d), len), Bytes.fixed(Bytes.unsigned(o.d), len));
    return sameModulus & sameD;
  }

  @Override
  public String toString() {
    return "RsaPrivateJwk[kid=" + metadata().kid().map(KeyChecks::safeKid).orElse("")
        + ", modulusBits=" + modulusBits() + ", d=<redacted>]";
  }
}
