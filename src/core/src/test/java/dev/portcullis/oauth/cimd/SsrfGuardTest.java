package dev.portcullis.oauth.cimd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SsrfGuardTest {

    private final SsrfGuard guard = new SsrfGuard(List.of());

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "10.0.0.1", "172.16.5.4", "192.168.0.1", "169.254.169.254", "0.0.0.0",
        "100.64.0.1", "224.0.0.1", "255.255.255.255", "::1", "fe80::1", "fc00::1", "fd12:3456::1", "::", "::ffff:127.0.0.1",
        "::ffff:10.0.0.1"})
    void isPublicWhenPrivateLoopbackOrLinkLocalThenFalse(String ip) throws Exception {
        assertThat(SsrfGuard.isPublic(InetAddress.getByName(ip))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.216.34", "2606:4700:4700::1111"})
    void isPublicWhenInternetAddressThenTrue(String ip) throws Exception {
        assertThat(SsrfGuard.isPublic(InetAddress.getByName(ip))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://localhost/client.json", "https://127.0.0.1/c", "https://[::1]/c", "https://10.1.2.3/c",
        "https://169.254.169.254/latest/meta-data", "http://8.8.8.8/c", "ftp://8.8.8.8/c"})
    void checkWhenNotPublicHttpsThenRefusedBeforeAnyConnection(String url) {
        assertThatThrownBy(() -> guard.check(URI.create(url))).isInstanceOf(MetadataDocumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://localhost:8443/c", "https://LOCALHOST:8443/c"})
    void checkWhenHostOnTestAllowListThenAllowed(String url) {
        assertThatNoException().isThrownBy(() -> new SsrfGuard(List.of("localhost:8443")).check(URI.create(url)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://localhost:9999/c", "http://localhost:8443/c"})
    void checkWhenAllowListDoesNotMatchPortOrSchemeThenStillRefused(String url) {
        assertThatThrownBy(() -> new SsrfGuard(List.of("localhost:8443")).check(URI.create(url)))
                .isInstanceOf(MetadataDocumentException.class);
    }
}
