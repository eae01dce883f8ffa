package dev.jwkit.jose.jws;

import dev.jwkit.jose.Base64Url;
import dev.jwkit.jose.InvalidTokenException;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A JWS in the compact serialization (RFC 7515 §7.1), parsed strictly but <em>not verified</em>.
 *
 * <p>What {@link #parse(String)} accepts, in this order of precedence, so that hostile input costs little:
 * <ol>
 *   <li>at most {@link #DEFAULT_MAX_LENGTH} characters (64 KiB; {@link #parse(String, int)} sets
 *       another bound), checked before anything is read;
 *   <li>only the characters {@code [A-Za-z0-9_.-]} (the "check JWT format" rule of
 *       draft-ietf-oauth-rfc8725bis: no whitespace, quotes or braces, so a JSON-serialized JWS can never
 *       pass as compact, CVE-2022-39227) and exactly two dots, found without splitting the token, so
 *       many dots cost nothing (CVE-2025-27144);
 *   <li>each segment canonical unpadded base64url ({@link Base64Url}), decoded from one byte copy of
 *       the token, whose first part is also the signing input (no second copy);
 *   <li>a header that is a JSON object meeting the rules of {@link JwsHeader};
 *   <li>a non-empty signature.
 * </ol>
 * Every failure is an {@link InvalidTokenException} with the code of the rule that failed ({@link
 * JoseError#INPUT_TOO_LARGE}, {@link JoseError#MALFORMED_INPUT}, {@link JoseError#DUPLICATE_MEMBER},
 * {@link JoseError#UNSUPPORTED_ALGORITHM}, {@link JoseError#UNSUPPORTED_CRITICAL_HEADER}).
 *
 * <p>RFC 7797 ({@code "b64": false} listed in {@code crit}) is supported: the payload segment is then the
 * payload itself, which the character rule above limits to {@code [A-Za-z0-9_-]}; arbitrary unencoded
 * payloads travel detached ({@link #parseDetached}). The JWT layer refuses {@code b64:false} anyway.
 *
 * <h2>Security</h2>
 * Nothing here says the token is authentic: only {@link JwsVerifier#verify(CompactJws)} does. Read only
 * what key selection needs ({@code alg}, {@code kid}) before verification.
 *
 * <h2>Thread safety</h2>
 * Instances are immutable and safe for concurrent use; accessors return copies.
 */
public final class CompactJws {

  /** The default bound on a token's length, in characters: 64 KiB, far above any real access token. */
  public static final int DEFAULT_MAX_LENGTH = 64 * 1024;

  private static final HeaderCache HEADERS = new HeaderCache();
  private static final boolean[] ALLOWED = new boolean[128];

  static {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (int i = 0; i < alphabet.length(); i++) {
      ALLOWED[alphabet.charAt(i)] = true;
    }
  }

  private final String token;
  private final JwsHeader header;
  private final byte[] payload;
  /** Holds the signing input in {@code [0, signingInputLength)}; for a parsed token, the whole token's bytes. */
  private final byte[] signingInput;
  private final int signingInputLength;
  private final byte[] signature;
  private final boolean detached;

  private CompactJws(String token, JwsHeader header, byte[] payload, byte[] signingInput, int signingInputLength,
      byte[] signature, boolean detached) {
    this.token = token;
    this.header = header;
    this.payload = payload;
    this.signingInput = signingInput;
    this.signingInputLength = signingInputLength;
    this.signature = signature;
    this.detached = detached;
  }

  /**
   * Parses a compact JWS of at most {@link #DEFAULT_MAX_LENGTH} characters.
   *
   * @throws InvalidTokenException if the token breaks any rule of the class
   */
  public static CompactJws parse(String token) {
    return parse(token, DEFAULT_MAX_LENGTH);
  }

  /**
   * Parses a compact JWS of at most {@code maxLength} characters.
   *
   * @throws IllegalArgumentException if {@code maxLength} is not positive
   * @throws InvalidTokenException if the token breaks any rule of the class
   */
  public static CompactJws parse(String token, int maxLength) {
    Objects.requireNonNull(token, "token");
    if (maxLength <= 0) {
      throw new IllegalArgumentException("maxLength must be positive");
    }
    if (token.length() > maxLength) {
      throw new InvalidTokenException(JoseError.INPUT_TOO_LARGE, "token longer than " + maxLength + " characters");
    }
    // The valid path reads the token once as bytes and lets the strict base64url decoder check the
    // characters of each segment; the separate character scan runs only when something failed, so the
    // error is exactly the one the rules above name first. A character above 0xFF becomes '?' in the
    // bytes, which no segment accepts.
    int firstDot = token.indexOf('.');
    int secondDot = firstDot < 0 ? -1 : token.indexOf('.', firstDot + 1);
    try {
      if (secondDot < 0 || token.indexOf('.', secondDot + 1) >= 0) {
        throw new InvalidTokenException(JoseError.MALFORMED_INPUT, "a compact JWS has exactly two dots");
      }
      byte[] bytes = token.getBytes(StandardCharsets.ISO_8859_1);
      JwsHeader header = header(bytes, firstDot);
      byte[] payload;
      if (header.b64()) {
        payload = Base64Url.decode(bytes, firstDot + 1, secondDot);
      } else {
        payload = Arrays.copyOfRange(bytes, firstDot + 1, secondDot);
        requireSegmentCharacters(payload);
      }
      byte[] signature = signature(bytes, secondDot);
      return new CompactJws(token, header, payload, bytes, secondDot, signature, false);
    } catch (JwkitException e) {
      scan(token, maxLength); // the first broken character or dot rule, if there is one
      throw e instanceof InvalidTokenException ? (InvalidTokenException) e : asInvalidToken(e);
    }
  }

  /**
   * Parses a compact JWS with detached content (RFC 7515 Appendix F): the payload segment of {@code token}
   * is empty and {@code payload} is the content that was signed.
   *
   * @throws InvalidTokenException if the token breaks any rule of the class or its payload segment is not empty
   */
  public static CompactJws parseDetached(String token, byte[] payload) {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(payload, "payload");
    long dots = scan(token, DEFAULT_MAX_LENGTH);
    int firstDot = (int) (dots >>> 32);
    int secondDot = (int) dots;
    if (secondDot != firstDot + 1) {
      throw new InvalidTokenException(JoseError.MALFORMED_INPUT, "a detached JWS has an empty payload segment");
    }
    try {
      byte[] bytes = token.getBytes(StandardCharsets.ISO_8859_1);
      JwsHeader header = header(bytes, firstDot);
      byte[] content = payload.clone();
      byte[] signature = signature(bytes, secondDot);
      byte[] encodedPayload = header.b64()
          ? Base64Url.encode(content).getBytes(StandardCharsets.US_ASCII)
          : content;
      byte[] signingInput = new byte[firstDot + 1 + encodedPayload.length];
      copyAscii(token, 0, firstDot + 1, signingInput);
      System.arraycopy(encodedPayload, 0, signingInput, firstDot + 1, encodedPayload.length);
      return new CompactJws(token, header, content, signingInput, signingInput.length, signature, true);
    } catch (InvalidTokenException e) {
      throw e;
    } catch (JwkitException e) {
      throw asInvalidToken(e);
    }
  }

  /**
   * Checks length and characters and returns the positions of the two dots (first in the high 32 bits),
   * in one pass and without allocating.
   */
  private static long scan(String token, int maxLength) {
    int length = token.length();
    if (length > maxLength) {
      throw new InvalidTokenException(JoseError.INPUT_TOO_LARGE, "token longer than " + maxLength + " characters");
    }
    int first = -1;
    int second = -1;
    for (int i = 0; i < length; i++) {
      char c = token.charAt(i);
      if (c == '.') {
        if (first < 0) {
          first = i;
        } else if (second < 0) {
          second = i;
        } else {
          throw new InvalidTokenException(JoseError.MALFORMED_INPUT, "a compact JWS has exactly two dots");
        }
      } else if (c >= 128 || !ALLOWED[c]) {
        throw new InvalidTokenException(JoseError.MALFORMED_INPUT,
            "character outside [A-Za-z0-9_.-] at offset " + i);
      }
    }
    if (second < 0) {
      throw new InvalidTokenException(JoseError.MALFORMED_INPUT, "a compact JWS has exactly two dots");
    }
    if (first == 0) {
      throw new InvalidTokenException(JoseError.MALFORMED_INPUT, "the header segment is empty");
    }
    return (long) first << 32 | second;
  }

  private static JwsHeader header(byte[] token, int end) {
    int hash = HeaderCache.hash(token, 0, end);
    JwsHeader cached = HEADERS.get(token, 0, end, hash);
    if (cached != null) {
      return cached;
    }
    JwsHeader header = JwsHeader.parse(Base64Url.decode(token, 0, end));
    HEADERS.put(token, 0, end, hash, header);
    return header;
  }

  private static byte[] signature(byte[] token, int secondDot) {
    if (secondDot == token.length - 1) {
      throw new InvalidTokenException(JoseError.MALFORMED_INPUT, "the signature segment is empty");
    }
    return Base64Url.decode(token, secondDot + 1, token.length);
  }

  /** An unencoded (RFC 7797) payload segment is held to the same character rule as the others. */
  private static void requireSegmentCharacters(byte[] segment) {
    for (byte b : segment) {
      if (b < 0 || !ALLOWED[b]) {
        throw new InvalidTokenException(JoseError.MALFORMED_INPUT, "character outside [A-Za-z0-9_.-]");
      }
    }
  }

  @SuppressWarnings("deprecation")
  private static void copyAscii(String token, int start, int end, byte[] target) {
    // The token holds only ASCII (checked by scan), so the low byte of each char is its ASCII byte;
    // this copies straight from the string without an intermediate array.
    token.getBytes(start, end, target, 0);
  }

  static InvalidTokenException asInvalidToken(JwkitException e) {
    String message = e.getMessage();
    String prefix = e.code().id() + ": ";
    if (message != null && message.startsWith(prefix)) {
      message = message.substring(prefix.length());
    }
    return new InvalidTokenException(e.code(), message == null ? "invalid token" : message, e);
  }

  /** The parsed (unverified) header. */
  public JwsHeader header() {
    return header;
  }

  /** The payload bytes (decoded, or as given for detached content); a copy. */
  public byte[] payload() {
    return payload.clone();
  }

  /** The JWS signing input (RFC 7515 §5.1 step 6, or RFC 7797 §3 when {@code b64} is false); a copy. */
  public byte[] signingInput() {
    return Arrays.copyOf(signingInput, signingInputLength);
  }

  /** The signature or MAC bytes; a copy. */
  public byte[] signature() {
    return signature.clone();
  }

  /** Whether the payload was given separately (RFC 7515 Appendix F). */
  public boolean isDetached() {
    return detached;
  }

  /** The compact serialization this was parsed from (with an empty payload segment when detached). */
  public String serialize() {
    return token;
  }

  /** The array that holds the signing input in {@code [0, signingInputLength())}; not a copy. */
  byte[] signingInputNoCopy() {
    return signingInput;
  }

  int signingInputLength() {
    return signingInputLength;
  }

  byte[] signatureNoCopy() {
    return signature;
  }

  byte[] payloadNoCopy() {
    return payload;
  }

  @Override
  public String toString() {
    return "CompactJws[alg=" + header.alg().jwaName() + ", detached=" + detached + "]";
  }
}
