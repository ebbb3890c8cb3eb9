package io.github.lambdamw.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A certificate chain shaped like the one AWS's endpoints present ({@code
 * ssm.<region>.amazonaws.com}: an RSA 2048 leaf issued by "Amazon RSA 2048 M0x", under "Amazon Root
 * CA 1", RSA 2048, every link signed SHA256withRSA), made with keytool: a root CA, an intermediate
 * CA (path length 0) the root issues, and a {@code localhost} leaf the intermediate issues. A
 * client of it pays what a client of AWS pays: PKIX path building up to a trust anchor, an RSA
 * signature check per link, an RSA CertificateVerify, and no ECDSA at all.
 */
final class AwsLikeChain {
  private AwsLikeChain() {}

  private static final String ROOT = "root";
  private static final String INTERMEDIATE = "intermediate";
  private static final String SIGNATURE = "SHA256withRSA";
  private static final String VALIDITY_DAYS = "30";

  /** The usages AWS's CAs carry, critical, beside the critical CA constraint. */
  private static final String CA_KEY_USAGE = "ku:c=digitalSignature,keyCertSign,cRLSign";

  /**
   * Writes the leaf's key with its chain as {@code alias} into the new PKCS12 {@code keyStore}, the
   * CAs' keys into {@code dir/ca.p12}, and returns the root's certificate (PEM): the one a client
   * must trust. The chain is the leaf then the intermediate, what AWS's endpoints send; the root
   * stays with the client. Every store has the password {@link StandInTls#PASSWORD}; {@code jdk}'s
   * keytool makes them.
   */
  static Path make(Path jdk, Path dir, Path keyStore, String alias) {
    Path ca = dir.resolve("ca.p12");
    Path root = dir.resolve("root-ca.pem");
    Path intermediate = dir.resolve("intermediate-ca.pem");
    Path leaf = dir.resolve("leaf.pem");

    newKey(
        jdk,
        ca,
        ROOT,
        "CN=Lambda MW Local Root CA 1, O=lambda-mw benchmarks",
        "bc:c=ca:true",
        CA_KEY_USAGE);
    keytool(jdk, ca, "-exportcert", "-rfc", "-alias", ROOT, "-file", root);

    newKey(jdk, ca, INTERMEDIATE, "CN=Lambda MW Local RSA 2048 M01, O=lambda-mw benchmarks");
    certify(jdk, ca, INTERMEDIATE, ca, ROOT, intermediate, "bc:c=ca:true,pathlen:0", CA_KEY_USAGE);
    // The root's key entry is in ca.p12, so keytool completes the intermediate's chain with it.
    keytool(jdk, ca, "-importcert", "-noprompt", "-alias", INTERMEDIATE, "-file", intermediate);

    newKey(jdk, keyStore, alias, "CN=localhost");
    certify(
        jdk,
        keyStore,
        alias,
        ca,
        INTERMEDIATE,
        leaf,
        "SAN=dns:localhost",
        "EKU=serverAuth",
        "ku:c=digitalSignature,keyEncipherment");
    // A reply of leaf and intermediate. The root is not in the key store, so keytool installs the
    // two as they are (-noprompt accepts a chain that stops below a trust anchor) and the server
    // sends two certificates, as AWS's do. A keytool that found the root would append it: a third
    // certificate the client already trusts, harmless to the handshake.
    Path reply = dir.resolve("leaf-chain.pem");
    try {
      Files.writeString(reply, Files.readString(leaf) + Files.readString(intermediate));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + reply, e);
    }
    keytool(jdk, keyStore, "-importcert", "-noprompt", "-alias", alias, "-file", reply);
    return root;
  }

  /** A new RSA 2048 key pair, self-signed until its issuer's certificate replaces that. */
  private static void newKey(
      Path jdk, Path store, String alias, String name, String... extensions) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "-genkeypair",
                "-alias",
                alias,
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-sigalg",
                SIGNATURE,
                "-dname",
                name,
                "-validity",
                VALIDITY_DAYS));
    keytoolWithExtensions(jdk, store, args, extensions);
  }

  /**
   * Writes to {@code certificate} (PEM) the certificate {@code issuer} (a key in {@code
   * issuerStore}) issues for {@code subject}'s key (in {@code subjectStore}), with {@code
   * extensions} only: keytool copies none from the request unless told.
   */
  private static void certify(
      Path jdk,
      Path subjectStore,
      String subject,
      Path issuerStore,
      String issuer,
      Path certificate,
      String... extensions) {
    Path request = certificate.resolveSibling(subject + ".csr");
    keytool(jdk, subjectStore, "-certreq", "-alias", subject, "-file", request);
    List<Object> args =
        new ArrayList<>(
            List.of(
                "-gencert",
                "-alias",
                issuer,
                "-sigalg",
                SIGNATURE,
                "-validity",
                VALIDITY_DAYS,
                "-rfc",
                "-infile",
                request,
                "-outfile",
                certificate));
    keytoolWithExtensions(jdk, issuerStore, args, extensions);
  }

  /** Runs keytool on {@code store} with {@code args}, then each of {@code extensions} as -ext. */
  private static void keytoolWithExtensions(
      Path jdk, Path store, List<?> args, String... extensions) {
    List<Object> all = new ArrayList<>(args);
    for (String extension : extensions) {
      all.addAll(List.of("-ext", extension));
    }
    keytool(jdk, store, all.toArray());
  }

  /** {@code jdk}'s keytool on the PKCS12 {@code store}; paths among {@code args} as they are. */
  private static void keytool(Path jdk, Path store, Object... args) {
    List<String> all = new ArrayList<>();
    for (Object arg : args) {
      all.add(arg.toString());
    }
    all.addAll(
        List.of(
            "-storetype",
            "PKCS12",
            "-keystore",
            store.toString(),
            "-storepass",
            StandInTls.PASSWORD));
    Keytool.run(jdk, all.toArray(String[]::new));
  }
}
