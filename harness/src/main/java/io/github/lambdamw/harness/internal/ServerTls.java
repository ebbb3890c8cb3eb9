package io.github.lambdamw.harness.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The {@link SSLContext} of a loopback HTTPS server, from a key store that holds its key and
 * certificate chain (what {@code keytool -genkeypair} writes).
 *
 * <p>Not API: the harness's servers share it.
 */
public final class ServerTls {
  private ServerTls() {}

  /**
   * @param keyStore a PKCS12 (or JKS) file with one private key entry
   * @param password the store's password, also the key's (keytool's default for PKCS12)
   */
  public static SSLContext fromKeyStore(Path keyStore, char[] password) {
    try (InputStream in = Files.newInputStream(keyStore)) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(in, password);
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, password);
      SSLContext context = SSLContext.getInstance("TLS");
      // No trust managers: the stand-ins do not ask clients for certificates.
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the key store " + keyStore, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("no usable server key in " + keyStore, e);
    }
  }
}
