package io.github.lambdamw.harness.ssm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A PKCS#12 key store with one EC key whose self-signed certificate names {@code localhost}, made
 * by the JDK's keytool, for an SSM stand-in served over TLS.
 */
public final class LocalhostKeyStore {
  private LocalhostKeyStore() {}

  /** Writes the key store to {@code file}, protected by {@code password}; returns {@code file}. */
  public static Path create(Path file, char[] password) throws IOException, InterruptedException {
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "local-ssm",
                "-keyalg",
                "EC",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost",
                "-storetype",
                "PKCS12",
                "-keystore",
                file.toString(),
                "-storepass",
                new String(password))
            .redirectErrorStream(true)
            .start();
    String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
    assertThat(keytool.exitValue()).as(output).isZero();
    return file;
  }
}
