package dev.jwkit.jose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwkit.buildsupport.ReadmeSnippets;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.Jwk;
import dev.jwkit.jose.jwk.JwkGenerator;
import dev.jwkit.jose.jwk.JwkSet;
import dev.jwkit.jose.jwk.PrivateJwk;
import dev.jwkit.jose.jwk.PublicJwk;
import dev.jwkit.jose.jws.CompactJws;
import dev.jwkit.jose.jws.JwsHeader;
import dev.jwkit.jose.jws.JwsSigner;
import dev.jwkit.jose.jws.JwsVerifier;
import dev.jwkit.jose.jwt.JwtClaims;
import dev.jwkit.jose.jwt.JwtSigner;
import dev.jwkit.jose.jwt.JwtVerifier;
import dev.jwkit.jose.jwt.VerifiedJwt;
import dev.jwkit.jose.pem.CertificateChain;
import dev.jwkit.jose.pem.CertificateTemplate;
import dev.jwkit.jose.pem.JwkPem;
import dev.jwkit.jose.pem.Pem;
import dev.jwkit.jose.pem.PemType;
import dev.jwkit.jose.pem.PkixValidator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Compiles and runs the Java examples of jose-core's README, and checks that the README still shows them. */
class ReadmeTest {

  private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @Test
  void readme_isInSyncWithTheseSnippets() {
    Path readme = Path.of("README.md");
    assertThat(ReadmeSnippets.check(readme)).isEmpty();
    assertThat(ReadmeSnippets.boundSnippets(readme)).isEqualTo(4);
  }

  @Test
  void quickStart_signsAndVerifies() {
    String jwksJson = "";
    // region:quickStart
    Jwk key = JwkGenerator.generate(JwsAlgorithm.ES256);           // kid = RFC 7638 thumbprint
    String token = JwtSigner.of(key, JwsAlgorithm.ES256).sign(JwtClaims.builder()
        .issuer("https://issuer.example").subject("alice").audience("api")
        .issuedAt(now).expiration(now.plus(Duration.ofMinutes(15))).build());
    jwksJson = JwkSet.of(List.of(key)).toPublicSet().toJson();     // what an issuer publishes

    JwtVerifier verifier = JwtVerifier.builder(JwkSet.parsePublic(jwksJson)) // or a JwtKeyResolver
        .expectedIssuer("https://issuer.example").expectedAudience("api")
        .build();                                                   // immutable, thread-safe
    VerifiedJwt jwt = verifier.verify(token);                       // or InvalidTokenException with a code
    // endregion
    assertThat(jwt.claims().subject()).contains("alice");
    assertThat(jwt.algorithm()).isEqualTo(JwsAlgorithm.ES256);
  }

  @Test
  void jws_signsAndVerifiesCompact() {
    PrivateJwk privateJwk = (PrivateJwk) JwkGenerator.generate(JwsAlgorithm.ES256);
    PublicJwk publicJwk = privateJwk.toPublicJwk();
    byte[] payload = "hello".getBytes(StandardCharsets.UTF_8);
    // region:jws
    JwsSigner signer = JwsSigner.of(privateJwk, JwsAlgorithm.ES256);       // key checked and prepared once
    String token = signer.signCompact(JwsHeader.builder().alg(JwsAlgorithm.ES256).kid("k1").build(), payload);

    JwsVerifier verifier = JwsVerifier.of(publicJwk, JwsAlgorithm.ES256);   // JCA key obtained once
    CompactJws jws = CompactJws.parse(token);                              // strict, not yet trusted
    verifier.verify(jws);                                                  // or InvalidTokenException
    byte[] content = jws.payload();
    // endregion
    assertThat(content).isEqualTo(payload);
  }

  @Test
  void jwt_explicitTyping() {
    PrivateJwk privateJwk = (PrivateJwk) JwkGenerator.generate(JwsAlgorithm.ES256);
    JwkSet publicJwks = JwkSet.of(List.of(privateJwk.toPublicJwk()));
    // region:jwt
    String token = JwtSigner.builder().key(privateJwk, JwsAlgorithm.ES256).type("at+jwt").build()
        .sign(JwtClaims.builder().issuer("https://issuer.example").subject("user-42").audience("api://orders")
            .issuedAt(now).expiration(now.plus(Duration.ofMinutes(15))).build());

    JwtVerifier verifier = JwtVerifier.builder(publicJwks)  // or builder(kid -> ...), or a KeySource
        .expectedIssuer("https://issuer.example")       // or ignoreIssuer(), explicitly
        .expectedAudience("api://orders")               // or ignoreAudience(), explicitly
        .expectedType("at+jwt")                         // RFC 8725 §3.11 explicit typing
        .allowedAlgorithms(JwsAlgorithm.ES256)          // optional: narrows what the key permits
        .build();
    VerifiedJwt jwt = verifier.verify(token);           // or InvalidTokenException with a stable code
    // endregion
    assertThat(jwt.claims().subject()).contains("user-42");
    assertThat(jwt.header().typ()).contains("at+jwt");
  }

  @Test
  void pem_readsWritesAndValidates() throws Exception {
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair leaf = ec.generateKeyPair();
    String rootKeyPem = Pem.writePrivateKey(ec.generateKeyPair().getPrivate());
    // region:pem
    KeyPair root = Pem.readKeyPair(rootKeyPem);                  // any private key form; public key derived
    X509Certificate rootCert = CertificateTemplate.builder().subject("CN=jwkit root").certificateAuthority(true)
        .notBefore(now).notAfter(now.plus(Duration.ofDays(3650))).build().selfSign(root);
    X509Certificate leafCert = CertificateTemplate.builder().subject("CN=jwkit")
        .notBefore(now).notAfter(now.plus(Duration.ofDays(365))).build()
        .issue(leaf.getPublic(), rootCert, root.getPrivate());
    String sec1 = Pem.writePrivateKey(leaf.getPrivate(), PemType.EC_PRIVATE_KEY);
    PrivateJwk jwk = JwkPem.readPrivateJwk(sec1 + Pem.writeCertificate(leafCert));   // x5c + x5t#S256 from the chain
    CertificateChain chain = JwkPem.validateX5c(jwk, PkixValidator.builder().trustAnchor(rootCert).build(), now);
    // endregion
    assertThat(chain.leaf()).isEqualTo(leafCert);
    assertThat(jwk.metadata().x5c()).hasSize(1);
  }
}
