package dev.jwkit.jose.pem;

import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.internal.jwk.BouncyCastle;
import dev.jwkit.jose.internal.pem.KeyAlgorithm;
import dev.jwkit.jose.internal.pem.KeyCodec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.misc.MiscObjectIdentifiers;
import org.bouncycastle.asn1.misc.ScryptParams;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBEParameter;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCS12PBEParams;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEInputDecryptorProviderBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Decoding and encoding of the DER structures named by {@link PemType}; shared by {@link Pem} and
 * {@link Der}. Every failure names its context (a PEM block or a DER form) and never key bytes.
 */
final class DerCodec {

  /** The PBKDF2 iteration count used when encrypting (PBES2, HMAC-SHA-256, AES-256-CBC). */
  static final int PBKDF2_ITERATIONS = 600_000;
  /** The largest PBKDF2 or PKCS#12 iteration count accepted when decrypting. */
  static final int MAX_PBKDF2_ITERATIONS = 10_000_000;
  /** The largest scrypt N·r accepted when decrypting (128·N·r bytes of memory: 256 MiB). */
  static final long MAX_SCRYPT_N_TIMES_R = 1L << 21;

  private static final SecureRandom RANDOM = new SecureRandom();

  private DerCodec() {}

  // ---------------------------------------------------------------- decoding

  static PublicKey publicKey(PemType type, byte[] der, String context) {
    if (!type.isPublicKey()) {
      throw new IllegalArgumentException(type + " is not a public key type");
    }
    requireContent(der, context);
    try {
      ASN1Primitive primitive = ASN1Primitive.fromByteArray(der);
      SubjectPublicKeyInfo spki;
      switch (type) {
        case PUBLIC_KEY:
          spki = SubjectPublicKeyInfo.getInstance(primitive);
          break;
        case RSA_PUBLIC_KEY:
          spki = new SubjectPublicKeyInfo(KeyAlgorithm.RSA.toAlgorithmIdentifier(), RSAPublicKey.getInstance(primitive));
          break;
        default:
          throw new AssertionError(type);
      }
      return KeyCodec.toPublicKey(spki);
    } catch (IOException | IllegalArgumentException | IllegalStateException | ClassCastException e) {
      throw malformed(context, type, e);
    } catch (JwkitException e) {
      throw withContext(context, e);
    }
  }

  static KeyPair keyPair(PemType type, byte[] der, char @Nullable [] password, String context) {
    if (!type.isPrivateKey()) {
      throw new IllegalArgumentException(type + " is not a private key type");
    }
    try {
      return KeyCodec.toKeyPair(privateKeyInfo(type, der, password, context));
    } catch (JwkitException e) {
      throw withContext(context, e);
    }
  }

  private static PrivateKeyInfo privateKeyInfo(PemType type, byte[] der, char @Nullable [] password, String context) {
    requireContent(der, context);
    try {
      switch (type) {
        case PRIVATE_KEY:
          return PrivateKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
        case RSA_PRIVATE_KEY:
          return new PrivateKeyInfo(
              KeyAlgorithm.RSA.toAlgorithmIdentifier(), RSAPrivateKey.getInstance(ASN1Primitive.fromByteArray(der)));
        case EC_PRIVATE_KEY: {
          ECPrivateKey sec1 = ECPrivateKey.getInstance(ASN1Primitive.fromByteArray(der));
          if (sec1.getParametersObject() == null) {
            throw new JwkitException(JoseError.MALFORMED_INPUT, "SEC1 EC private key without curve parameters");
          }
          return new PrivateKeyInfo(
              new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, sec1.getParametersObject()), sec1);
        }
        case ENCRYPTED_PRIVATE_KEY:
          return decrypt(new PKCS8EncryptedPrivateKeyInfo(der), password);
        default:
          throw new AssertionError(type);
      }
    } catch (IOException | IllegalArgumentException | IllegalStateException | ClassCastException e) {
      throw malformed(context, type, e);
    }
  }

  static PrivateKeyInfo decrypt(PKCS8EncryptedPrivateKeyInfo encrypted, char @Nullable [] password) {
    checkWorkFactor(encrypted.getEncryptionAlgorithm());
    if (password == null) {
      throw new JwkitException(JoseError.PEM_PASSWORD_REQUIRED, "the private key is encrypted and no password was given");
    }
    InputDecryptorProvider decryptors;
    try {
      decryptors = decryptors(encrypted.getEncryptionAlgorithm().getAlgorithm(), password);
      decryptors.get(encrypted.getEncryptionAlgorithm());
    } catch (OperatorCreationException | RuntimeException e) {
      throw new JwkitException(JoseError.UNSUPPORTED_KEY, "unsupported private key encryption (OID "
          + encrypted.getEncryptionAlgorithm().getAlgorithm().getId() + ")", e);
    }
    try {
      return encrypted.decryptPrivateKeyInfo(decryptors);
    } catch (PKCSException | RuntimeException e) {
      throw new JwkitException(JoseError.PEM_WRONG_PASSWORD, "the private key does not decrypt (wrong password or corrupted data)", e);
    }
  }

  /** PBES2 (PBKDF2 or scrypt) and PKCS#12 PBE through the PKCS builder; PKCS#5 v1 PBE through OpenSSL's. */
  private static InputDecryptorProvider decryptors(ASN1ObjectIdentifier oid, char[] password)
      throws OperatorCreationException {
    if (PKCSObjectIdentifiers.id_PBES2.equals(oid) || oid.on(PKCSObjectIdentifiers.pkcs_12PbeIds)) {
      return new JcePKCSPBEInputDecryptorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build(password);
    }
    return new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build(password);
  }

  /** Refuses key-derivation parameters that would make decryption a denial of service. */
  private static void checkWorkFactor(AlgorithmIdentifier algorithm) {
    ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
    BigInteger iterations = null;
    if (PKCSObjectIdentifiers.id_PBES2.equals(oid)) {
      KeyDerivationFunc kdf = PBES2Parameters.getInstance(algorithm.getParameters()).getKeyDerivationFunc();
      if (PKCSObjectIdentifiers.id_PBKDF2.equals(kdf.getAlgorithm())) {
        iterations = PBKDF2Params.getInstance(kdf.getParameters()).getIterationCount();
      } else if (MiscObjectIdentifiers.id_scrypt.equals(kdf.getAlgorithm())) {
        ScryptParams scrypt = ScryptParams.getInstance(kdf.getParameters());
        BigInteger cost = scrypt.getCostParameter().multiply(scrypt.getBlockSize());
        if (cost.compareTo(BigInteger.valueOf(MAX_SCRYPT_N_TIMES_R)) > 0
            || scrypt.getParallelizationParameter().compareTo(BigInteger.valueOf(16)) > 0) {
          throw new JwkitException(JoseError.INPUT_TOO_LARGE, "scrypt parameters of the encrypted private key exceed the limit");
        }
      }
    } else if (oid.on(PKCSObjectIdentifiers.pkcs_12PbeIds)) {
      iterations = PKCS12PBEParams.getInstance(algorithm.getParameters()).getIterations();
    } else if (oid.on(PKCSObjectIdentifiers.pkcs_5)) {
      iterations = PBEParameter.getInstance(algorithm.getParameters()).getIterationCount();
    }
    if (iterations != null && iterations.compareTo(BigInteger.valueOf(MAX_PBKDF2_ITERATIONS)) > 0) {
      throw new JwkitException(JoseError.INPUT_TOO_LARGE,
          "iteration count of the encrypted private key exceeds " + MAX_PBKDF2_ITERATIONS);
    }
  }

  static X509Certificate certificate(byte[] der, String context) {
    requireContent(der, context);
    X509Certificate certificate;
    try {
      certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(der));
      if (!MessageDigest.isEqual(certificate.getEncoded(), der)) {
        throw new JwkitException(JoseError.MALFORMED_INPUT, context + ": trailing data after the certificate");
      }
      // The JDK accepts some structures Bouncy Castle, which reads the leaf's key later, refuses (an
      // extension that is a SET, found by PemFuzzTest): refuse them here, as input, not at first use.
      Certificate.getInstance(der);
    } catch (CertificateException | RuntimeException e) {
      if (e instanceof JwkitException) {
        throw (JwkitException) e;
      }
      throw new JwkitException(JoseError.MALFORMED_INPUT, context + ": not a DER X.509 certificate", e);
    }
    return certificate;
  }

  // ---------------------------------------------------------------- encoding

  static byte[] encodePublicKey(PublicKey key, PemType type) {
    switch (type) {
      case PUBLIC_KEY:
        return KeyCodec.spki(key);
      case RSA_PUBLIC_KEY:
        return KeyCodec.pkcs1PublicKey(key);
      default:
        throw new IllegalArgumentException(type + " is not a public key type");
    }
  }

  static byte[] encodePrivateKey(PrivateKey key, PemType type) {
    switch (type) {
      case PRIVATE_KEY:
        return KeyCodec.pkcs8PrivateKey(key);
      case RSA_PRIVATE_KEY:
        return KeyCodec.pkcs1PrivateKey(key);
      case EC_PRIVATE_KEY:
        return KeyCodec.sec1PrivateKey(key);
      case ENCRYPTED_PRIVATE_KEY:
        throw new IllegalArgumentException("ENCRYPTED PRIVATE KEY needs a password: use the encrypted variant");
      default:
        throw new IllegalArgumentException(type + " is not a private key type");
    }
  }

  static byte[] encodeEncryptedPrivateKey(PrivateKey key, char[] password) {
    if (password.length == 0) {
      throw new IllegalArgumentException("password must not be empty");
    }
    PrivateKeyInfo info = KeyCodec.normalizedPrivateKeyInfo(key);
    try {
      OutputEncryptor encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
          .setProvider(BouncyCastle.PROVIDER)
          .setRandom(RANDOM)
          .setPRF(PKCS8Generator.PRF_HMACSHA256)
          .setIterationCount(PBKDF2_ITERATIONS)
          .setPassword(password)
          .build();
      return new PKCS8Generator(info, encryptor).generate().getContent();
    } catch (OperatorCreationException | IOException e) {
      throw new IllegalStateException("PKCS#8 encryption failed", e);
    }
  }

  static byte[] encodeCertificate(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new JwkitException(JoseError.MALFORMED_INPUT, "certificate cannot be encoded", e);
    }
  }

  // ---------------------------------------------------------------- errors

  private static void requireContent(byte[] der, String context) {
    if (der.length == 0) {
      throw new JwkitException(JoseError.MALFORMED_INPUT, context + ": empty content");
    }
  }

  private static JwkitException malformed(String context, PemType type, Exception cause) {
    return new JwkitException(JoseError.MALFORMED_INPUT, context + ": not a valid " + structureName(type), cause);
  }

  static JwkitException withContext(String context, JwkitException e) {
    String message = e.getMessage();
    String prefix = e.code().id() + ": ";
    String detail = message != null && message.startsWith(prefix) ? message.substring(prefix.length()) : String.valueOf(message);
    if (detail.startsWith(context)) {
      return e;
    }
    return new JwkitException(e.code(), context + ": " + detail, e);
  }

  static String structureName(PemType type) {
    switch (type) {
      case PUBLIC_KEY:
        return "SubjectPublicKeyInfo (SPKI)";
      case RSA_PUBLIC_KEY:
        return "PKCS#1 RSAPublicKey";
      case PRIVATE_KEY:
        return "PKCS#8 PrivateKeyInfo";
      case ENCRYPTED_PRIVATE_KEY:
        return "PKCS#8 EncryptedPrivateKeyInfo";
      case RSA_PRIVATE_KEY:
        return "PKCS#1 RSAPrivateKey";
      case EC_PRIVATE_KEY:
        return "SEC1 ECPrivateKey";
      case CERTIFICATE:
        return "X.509 certificate";
      default:
        throw new AssertionError(type);
    }
  }
}
