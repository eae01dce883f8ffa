package dev.jwkit.adapters.vault.internal;

import dev.jwkit.jose.JwkitException;
import dev.jwkit.adapters.vault.VaultError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Builds an {@link SSLContext} that trusts exactly the certificates of a PEM bundle. */
public final class Tls {

  private static final Pattern BLOCK = Pattern.compile(
      "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+?)-----END CERTIFICATE-----");

  private Tls() {}

  /**
   * Parses every {@code CERTIFICATE} block of the bundle (text around the blocks is ignored) and
   * returns a TLS context whose trust managers accept only chains ending in one of them.
   *
   * @throws JwkitException {@link VaultError#INVALID_REQUEST} if the bundle holds no parseable certificate
   */
  public static SSLContext trusting(String pemBundle) {
    List<Certificate> certificates = parse(pemBundle);
    try {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      for (int i = 0; i < certificates.size(); i++) {
        trust.setCertificateEntry("vault-ca-" + i, certificates.get(i));
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new JwkitException(VaultError.INVALID_REQUEST, "cannot build a TLS context from the CA bundle", e);
    }
  }

  /** The certificates of a PEM bundle, in order. */
  static List<Certificate> parse(String pemBundle) {
    List<Certificate> certificates = new ArrayList<>();
    Matcher m = BLOCK.matcher(pemBundle);
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      while (m.find()) {
        byte[] der = Base64.getMimeDecoder().decode(m.group(1));
        certificates.add(factory.generateCertificate(new ByteArrayInputStream(der)));
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new JwkitException(VaultError.INVALID_REQUEST, "the CA bundle holds a malformed certificate", e);
    }
    if (certificates.isEmpty()) {
      throw new JwkitException(VaultError.INVALID_REQUEST, "the CA bundle holds no PEM certificate");
    }
    return certificates;
  }
}
