package dev.jwkit.adapters.file.keystore;

/** The keystore formats jwkit reads and writes. */
public enum KeystoreType {
  /** PKCS#12 (RFC 7292), the JDK's default since 9 and what OpenSSL reads. */
  PKCS12("PKCS12"),
  /** The JDK's legacy JKS format, for older tooling. */
  JKS("JKS");

  private final String jcaName;

  KeystoreType(String jcaName) {
    this.jcaName = jcaName;
  }

  /** The JCA keystore type name. */
  public String jcaName() {
    return jcaName;
  }
}
