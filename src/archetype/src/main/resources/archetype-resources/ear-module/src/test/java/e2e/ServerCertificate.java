package ${package}.e2e;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The test server's own certificate (Liberty generated it into the server's keystore, protected by the random
 * {@code keystore_password} of its {@code server.env}), exported as PEM so that the clients trust exactly it:
 * nothing turns certificate checks off.
 */
final class ServerCertificate {

    private ServerCertificate() {
    }

    static Path exportPem(Path serverDir, Path pem) throws Exception {
        Properties env = new Properties();
        try (InputStream in = Files.newInputStream(serverDir.resolve("server.env"))) {
            env.load(in);
        }
        char[] password = env.getProperty("keystore_password").toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(serverDir.resolve("resources/security/key.p12"))) {
            keys.load(in, password);
        }
        Certificate certificate = keys.getCertificate("default");
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded());
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n");
        return pem;
    }

    /** Waits until {@code /health/ready} answers 200 (the application is up, not only Liberty). */
    static void awaitReady(String url, Path pem) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            trust.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, factory.getTrustManagers(), null);
        HttpClient http = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        int status = -1;
        while (Instant.now().isBefore(deadline)) {
            try {
                status = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException(url + " did not answer 200 within 3 minutes (last status " + status + ")");
    }
}
