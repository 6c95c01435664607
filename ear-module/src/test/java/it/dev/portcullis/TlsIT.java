package it.dev.portcullis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.dev.portcullis.support.Https;
import it.dev.portcullis.support.LibertyServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;

/** The HTTPS listener: its certificate is verified for real, and old protocol versions are refused. */
class TlsIT {

    private final LibertyServer server = LibertyServer.current();

    @Test
    void certificateWhenExportedThenNamesLocalhost() throws Exception {
        X509Certificate certificate = Https.serverCertificate(server);

        assertThat(certificate.getSubjectAlternativeNames())
                .anySatisfy(name -> assertThat(name.get(1)).isEqualTo("localhost"));
    }

    @Test
    void handshakeWhenClientTrustsOnlyPublicCasThenRefused() {
        HttpClient defaultTrust = HttpClient.newHttpClient();

        assertThatThrownBy(() -> defaultTrust.send(
                        HttpRequest.newBuilder(server.url("/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()))
                .isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("PKIX path building failed");
    }

    @Test
    void handshakeWhenClientOffersOnlyTls11ThenRefused() {
        SSLParameters tls11 = new SSLParameters();
        tls11.setProtocols(new String[] {"TLSv1.1"});
        HttpClient old = HttpClient.newBuilder()
                .sslContext(Https.trustingServer(server))
                .sslParameters(tls11)
                .build();

        assertThatThrownBy(() -> old.send(
                        HttpRequest.newBuilder(server.url("/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()))
                .isInstanceOf(javax.net.ssl.SSLException.class);
    }

    @Test
    void handshakeWhenClientTrustsExportedCertificateThenSucceeds() throws Exception {
        HttpResponse<Void> response = Https.client()
                .send(
                        HttpRequest.newBuilder(server.url("/health/live")).build(),
                        HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
    }
}
