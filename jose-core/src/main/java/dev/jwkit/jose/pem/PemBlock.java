package dev.jwkit.jose.pem;

import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.internal.jwk.BouncyCastle;
import dev.jwkit.jose.internal.pem.KeyCodec;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.util.io.pem.PemHeader;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;
import org.jspecify.annotations.Nullable;

/**
 * One block of a PEM text, lexed by Bouncy Castle's {@link PemReader}: its position (1-based), its type
 * and its DER content. Decoding happens on demand so that a reader can refuse a wrong block type before
 * asking for a password.
 */
final class PemBlock {

  /** The label of the curve-parameter blocks {@code openssl ecparam -genkey} writes; skipped. */
  private static final String EC_PARAMETERS = "EC PARAMETERS";

  private final int number;
  private final PemType type;
  private final PemObject object;

  private PemBlock(int number, PemType type, PemObject object) {
    this.number = number;
    this.type = type;
    this.object = object;
  }

  PemType type() {
    return type;
  }

  /** The context for messages: {@code PEM block 2 (EC PRIVATE KEY)}. */
  String context() {
    return "PEM block " + number + " (" + type.label() + ")";
  }

  /**
   * Lexes a PEM text into its blocks; text outside blocks is ignored, as OpenSSL does.
   *
   * @throws JwkitException INPUT_TOO_LARGE beyond {@link Pem#MAX_INPUT_LENGTH}; MALFORMED_INPUT for a
   *     truncated block, bad base64, an unknown block type or a text without any block
   */
  static List<PemBlock> lex(String text) {
    if (text.length() > Pem.MAX_INPUT_LENGTH) {
      throw new JwkitException(JoseError.INPUT_TOO_LARGE, "PEM text longer than " + Pem.MAX_INPUT_LENGTH + " characters");
    }
    List<PemBlock> blocks = new ArrayList<>();
    int number = 0;
    try (PemReader reader = new PemReader(new StringReader(text))) {
      while (true) {
        number++;
        PemObject object;
        try {
          object = reader.readPemObject();
        } catch (IOException | RuntimeException e) {
          throw new JwkitException(JoseError.MALFORMED_INPUT, "PEM block " + number + " is truncated or its base64 is not valid", e);
        }
        if (object == null) {
          break;
        }
        if (EC_PARAMETERS.equals(object.getType())) {
          continue;
        }
        final int blockNumber = number;
        PemType type = PemType.fromLabel(object.getType()).orElseThrow(() -> new JwkitException(
            JoseError.MALFORMED_INPUT, "PEM block " + blockNumber + " has an unsupported type '" + safeLabel(object.getType()) + "'"));
        PemBlock block = new PemBlock(number, type, object);
        if (block.isLegacyEncrypted() && type != PemType.RSA_PRIVATE_KEY && type != PemType.EC_PRIVATE_KEY) {
          throw new JwkitException(JoseError.MALFORMED_INPUT, block.context() + ": unexpected Proc-Type header");
        }
        blocks.add(block);
      }
    } catch (IOException e) {
      throw new JwkitException(JoseError.MALFORMED_INPUT, "PEM text cannot be read", e);
    }
    if (blocks.isEmpty()) {
      throw new JwkitException(JoseError.MALFORMED_INPUT, "no PEM block found (expected -----BEGIN ...-----)");
    }
    return blocks;
  }

  PublicKey publicKey() {
    return DerCodec.publicKey(type, object.getContent(), context());
  }

  KeyPair keyPair(char @Nullable [] password) {
    if (isLegacyEncrypted()) {
      try {
        return KeyCodec.toKeyPair(decryptLegacy(password));
      } catch (JwkitException e) {
        throw DerCodec.withContext(context(), e);
      }
    }
    return DerCodec.keyPair(type, object.getContent(), password, context());
  }

  X509Certificate certificate() {
    return DerCodec.certificate(object.getContent(), context());
  }

  /** OpenSSL's "traditional" encryption: {@code Proc-Type: 4,ENCRYPTED} and {@code DEK-Info} headers. */
  private boolean isLegacyEncrypted() {
    for (Object header : object.getHeaders()) {
      if ("Proc-Type".equalsIgnoreCase(((PemHeader) header).getName())) {
        return true;
      }
    }
    return false;
  }

  /** Decrypts a traditional encrypted key with Bouncy Castle's {@link PEMParser}, which reads the headers. */
  private PrivateKeyInfo decryptLegacy(char @Nullable [] password) {
    Object parsed;
    try {
      StringWriter text = new StringWriter();
      try (PemWriter writer = new PemWriter(text)) {
        writer.writeObject(object);
      }
      try (PEMParser parser = new PEMParser(new StringReader(text.toString()))) {
        parsed = parser.readObject();
      }
    } catch (IOException | RuntimeException e) {
      throw new JwkitException(JoseError.MALFORMED_INPUT, context() + ": malformed encryption headers", e);
    }
    if (!(parsed instanceof PEMEncryptedKeyPair)) {
      throw new JwkitException(JoseError.MALFORMED_INPUT, context() + ": malformed encryption headers");
    }
    if (password == null) {
      throw new JwkitException(JoseError.PEM_PASSWORD_REQUIRED, context() + ": the private key is encrypted and no password was given");
    }
    PEMKeyPair pair;
    try {
      pair = ((PEMEncryptedKeyPair) parsed).decryptKeyPair(
          new JcePEMDecryptorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build(password));
    } catch (IOException | RuntimeException e) {
      throw new JwkitException(
          JoseError.PEM_WRONG_PASSWORD, context() + ": the private key does not decrypt (wrong password or corrupted data)", e);
    }
    return pair.getPrivateKeyInfo();
  }

  /** A block label for messages: printable ASCII only, bounded. */
  private static String safeLabel(String label) {
    StringBuilder safe = new StringBuilder();
    for (int i = 0; i < label.length() && safe.length() < 40; i++) {
      char c = label.charAt(i);
      safe.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return safe.toString();
  }
}
