package io.github.lambdamw.benchmarks;

import io.github.lambdamw.harness.function.JavaHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS files of the HTTPS SSM stand-in, made with keytool at benchmark start: the stand-in's key
 * store and the trust store a function is given through {@code JAVA_TOOL_OPTIONS}, by default a
 * copy of that function's JDK's own {@code lib/security/cacerts} plus the certificate it must
 * trust, so the function pays for loading the full trust store as it does in Lambda.
 *
 * <p>By default ({@link Cert#AWS_LIKE}) the stand-in presents what AWS's endpoints present: an RSA
 * 2048 leaf ({@code CN=localhost}, SAN {@code localhost}) issued by an intermediate CA under a root
 * CA ({@link AwsLikeChain}); the key store holds the leaf's key with the leaf and the intermediate
 * (a keytool that found the root would append it too, which changes nothing a client checks), and a
 * function's trust store gets the root, not the leaf or the intermediate, as Lambda's JVMs find
 * "Amazon Root CA 1" in their cacerts. So a cold function pays the chain validation and the RSA
 * signatures a read from AWS costs. {@link Cert#SELF_SIGNED_EC} is the earlier stand-in: a
 * self-signed EC P-256 certificate the functions trust directly, cheaper by a chain check and
 * dearer by ECDSA, kept to compare with the figures measured with it.
 */
final class StandInTls {

  /** What the stand-in presents. */
  enum Cert {
    /** A leaf, RSA 2048, from an intermediate under a root the functions trust: as AWS. */
    AWS_LIKE,
    /** A self-signed EC P-256 leaf the functions trust directly: the earlier stand-in. */
    SELF_SIGNED_EC;

    static Cert parse(String id) {
      return valueOf(id.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** The name on the command line and in file names: {@code aws-like}, {@code self-signed-ec}. */
    String id() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** Which certificates a function trusts. */
  enum Trust {
    /**
     * The function JDK's cacerts plus the stand-in's root (or self-signed) certificate: as Lambda.
     */
    FULL,
    /** That certificate alone: to tell the trust store's share of the TLS cost. */
    MINIMAL;

    static Trust parse(String id) {
      return valueOf(id.toUpperCase(Locale.ROOT));
    }

    /** The name on the command line and in file names: {@code full}, {@code minimal}. */
    String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  static final String PASSWORD = "changeit";
  private static final String ALIAS = "lambda-mw-local-ssm";

  private final Path keyStore;
  private final Path trustStore;
  private final Trust trust;

  private StandInTls(Path keyStore, Path trustStore, Trust trust) {
    this.keyStore = keyStore;
    this.trustStore = trustStore;
    this.trust = trust;
  }

  /**
   * Makes the files afresh in {@code benchmarks/target/tls/jdk<feature>-<cert>-<trust>/}, for
   * functions running on {@code java}.
   */
  static StandInTls create(JavaHome java, Cert cert, Trust trust) {
    return create(
        Path.of(
                "benchmarks/target/tls",
                "jdk" + java.featureVersion() + "-" + cert.id() + "-" + trust.id())
            .toAbsolutePath(),
        java,
        cert,
        trust);
  }

  /** Makes the files afresh in {@code dir} (emptied first); the trust store for {@code java}. */
  static StandInTls create(Path dir, JavaHome java, Cert cert, Trust trust) {
    try {
      deleteTree(dir);
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + dir, e);
    }
    Path ownJdk = Path.of(System.getProperty("java.home"));
    Path keyStore = dir.resolve("local-ssm-key.p12");
    // This JVM serves with the key, so this JVM's keytool makes it.
    Path trusted =
        switch (cert) {
          case AWS_LIKE -> AwsLikeChain.make(ownJdk, dir, keyStore, ALIAS);
          case SELF_SIGNED_EC -> selfSignedEc(ownJdk, dir, keyStore);
        };

    Path cacerts = java.path().resolve("lib/security/cacerts");
    String type = storeType(cacerts);
    Path trustStore = dir.resolve("trust-" + trust.id() + "." + type);
    if (trust == Trust.FULL) {
      try {
        // Files.copy follows a symlink (Debian's JDKs link cacerts to /etc/ssl/certs/java).
        Files.copy(cacerts, trustStore);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot copy " + cacerts, e);
      }
    }
    // The function's own keytool, in the format of its own cacerts; a PKCS12 store is written
    // without MAC or encrypted certificates, as the JDK ships cacerts, so that reading it needs no
    // password and costs no key derivation the real cacerts would not.
    Keytool.run(
        java.path(),
        "-J-Dkeystore.pkcs12.certProtectionAlgorithm=NONE",
        "-J-Dkeystore.pkcs12.macAlgorithm=NONE",
        "-importcert",
        "-noprompt",
        "-alias",
        cert == Cert.AWS_LIKE ? "lambda-mw-local-root-ca" : ALIAS,
        "-file",
        trusted.toString(),
        "-storetype",
        type,
        "-keystore",
        trustStore.toString(),
        "-storepass",
        PASSWORD);
    return new StandInTls(keyStore, trustStore, trust);
  }

  /** The earlier stand-in's key and certificate; returns the certificate (PEM) to trust. */
  private static Path selfSignedEc(Path jdk, Path dir, Path keyStore) {
    Path certificate = dir.resolve("local-ssm.pem");
    Keytool.run(
        jdk,
        "-genkeypair",
        "-alias",
        ALIAS,
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=localhost",
        "-ext",
        "SAN=dns:localhost",
        "-validity",
        "30",
        "-storetype",
        "PKCS12",
        "-keystore",
        keyStore.toString(),
        "-storepass",
        PASSWORD);
    Keytool.run(
        jdk,
        "-exportcert",
        "-rfc",
        "-alias",
        ALIAS,
        "-keystore",
        keyStore.toString(),
        "-storepass",
        PASSWORD,
        "-file",
        certificate.toString());
    return certificate;
  }

  /** JKS or PKCS12, probed; read without a password, as a JVM reads its default trust store. */
  private static String storeType(Path store) {
    try {
      return KeyStore.getInstance(store.toFile(), (char[]) null).getType().toLowerCase(Locale.ROOT);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the trust store " + store, e);
    }
  }

  /**
   * The stand-in's key and its certificate chain, a PKCS12 file with password {@link #PASSWORD}.
   */
  Path keyStore() {
    return keyStore;
  }

  Trust trust() {
    return trust;
  }

  /**
   * The function's JAVA_TOOL_OPTIONS: its default trust store becomes this one. No {@code
   * trustStorePassword}: Lambda's JVM loads cacerts without one (which skips a JKS store's
   * integrity digest), and reading trusted certificates needs none.
   */
  String javaToolOptions() {
    String path = trustStore.toAbsolutePath().toString();
    if (path.matches(".*[\\s'\"].*")) {
      // JAVA_TOOL_OPTIONS splits on white space; quoting is possible but not worth it here.
      throw new IllegalStateException("the trust store path has a space or quote: " + path);
    }
    return "-Djavax.net.ssl.trustStore=" + path;
  }

  /** Trust managers over the same trust store, for this JVM's own clients of the stand-in. */
  TrustManager[] trustManagers() {
    try {
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(KeyStore.getInstance(trustStore.toFile(), (char[]) null));
      return factory.getTrustManagers();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the trust store " + trustStore, e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
