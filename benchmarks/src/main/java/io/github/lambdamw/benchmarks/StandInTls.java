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
 * pair (self-signed, EC P-256, CN and SAN {@code localhost}) and the trust store a function is
 * given through {@code JAVA_TOOL_OPTIONS}, by default a copy of that function's JDK's own {@code
 * lib/security/cacerts} plus the stand-in's certificate, so the function pays for loading the full
 * trust store as it does in Lambda.
 */
final class StandInTls {

  /** Which certificates a function trusts. */
  enum Trust {
    /** The function JDK's cacerts plus the stand-in's certificate: what Lambda loads. */
    FULL,
    /** The stand-in's certificate alone: to tell the trust store's share of the TLS cost. */
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
   * Makes the files afresh in {@code benchmarks/target/tls/jdk<feature>-<trust>/}, for functions
   * running on {@code java}.
   */
  static StandInTls create(JavaHome java, Trust trust) {
    return create(
        Path.of("benchmarks/target/tls", "jdk" + java.featureVersion() + "-" + trust.id())
            .toAbsolutePath(),
        java,
        trust);
  }

  /** Makes the files afresh in {@code dir} (emptied first); the trust store for {@code java}. */
  static StandInTls create(Path dir, JavaHome java, Trust trust) {
    try {
      deleteTree(dir);
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + dir, e);
    }
    Path ownJdk = Path.of(System.getProperty("java.home"));
    Path keyStore = dir.resolve("local-ssm-key.p12");
    Path certificate = dir.resolve("local-ssm.pem");
    // This JVM serves with the key, so this JVM's keytool makes it.
    Keytool.run(
        ownJdk,
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
        ownJdk,
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
        ALIAS,
        "-file",
        certificate.toString(),
        "-storetype",
        type,
        "-keystore",
        trustStore.toString(),
        "-storepass",
        PASSWORD);
    return new StandInTls(keyStore, trustStore, trust);
  }

  /** JKS or PKCS12, probed; read without a password, as a JVM reads its default trust store. */
  private static String storeType(Path store) {
    try {
      return KeyStore.getInstance(store.toFile(), (char[]) null).getType().toLowerCase(Locale.ROOT);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the trust store " + store, e);
    }
  }

  /** The stand-in's key and certificate, a PKCS12 file with password {@link #PASSWORD}. */
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
