package it.dev.portcullis.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * HTTPS clients that trust the server's generated certificate and nothing else. The certificate is exported
 * from the server's keystore (and written as PEM for non-Java clients); host name and chain checks stay on.
 */
public final class Https {

    private static volatile HttpClient client;

    private Https() {}

    /** A shared client that trusts the server under test. It never follows redirects, so tests see them. */
    public static HttpClient client() {
        HttpClient result = client;
        if (result == null) {
            synchronized (Https.class) {
                if (client == null) {
                    client = HttpClient.newBuilder()
                            .sslContext(trustingServer(AppServer.current()))
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .connectTimeout(Duration.ofSeconds(10))
                            .build();
                }
                result = client;
            }
        }
        return result;
    }

    /** The server's certificate, exported from its keystore. */
    public static X509Certificate serverCertificate(AppServer server) {
        try (InputStream in = Files.newInputStream(server.keystore())) {
            KeyStore keystore = KeyStore.getInstance("PKCS12");
            keystore.load(in, server.keystorePassword());
            for (String alias : Collections.list(keystore.aliases())) {
                if (keystore.isKeyEntry(alias)) {
                    return (X509Certificate) keystore.getCertificate(alias);
                }
            }
            throw new IllegalStateException("no key entry in " + server.keystore());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An SSL context whose only trust anchor is the server's certificate. */
    public static SSLContext trustingServer(AppServer server) {
        try {
            X509Certificate certificate = serverCertificate(server);
            writePem(certificate);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("portcullis", certificate);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the certificate where Node-based suites read it (NODE_EXTRA_CA_CERTS). */
    private static void writePem(Certificate certificate) throws GeneralSecurityException {
        String target = System.getProperty("it.server.certificate.pem");
        if (target == null) {
            return;
        }
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        try {
            Files.writeString(Path.of(target), pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
