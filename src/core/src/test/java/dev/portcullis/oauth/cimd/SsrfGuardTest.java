package dev.portcullis.oauth.cimd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SsrfGuardTest {

    private final SsrfGuard guard = new SsrfGuard(List.of());

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.1.2.3",
                "10.0.0.1",
                "172.16.5.4",
                "192.168.0.1",
                "169.254.169.254",
                "0.0.0.0",
                "100.64.0.1",
                "224.0.0.1",
                "255.255.255.255",
                "::1",
                "fe80::1",
                "fc00::1",
                "fd12:3456::1",
                "::",
                "::ffff:127.0.0.1",
                "::ffff:10.0.0.1"
            })
    void isPublicWhenPrivateLoopbackOrLinkLocalThenFalse(String ip) throws Exception {
        assertThat(SsrfGuard.isPublic(InetAddress.getByName(ip))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.216.34", "2606:4700:4700::1111"})
    void isPublicWhenInternetAddressThenTrue(String ip) throws Exception {
        assertThat(SsrfGuard.isPublic(InetAddress.getByName(ip))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://localhost/client.json",
                "https://127.0.0.1/c",
                "https://[::1]/c",
                "https://10.1.2.3/c",
                "https://169.254.169.254/latest/meta-data",
                "http://8.8.8.8/c",
                "ftp://8.8.8.8/c"
            })
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

    /** One address from every special-purpose block the issue names, and from the rest of the IANA registries. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "64:ff9b::a00:1",
                "64:ff9b::808:808",
                "64:ff9b:1::1",
                "2002:a00:1::1",
                "2002:808:808::1",
                "::127.0.0.1",
                "::10.0.0.1",
                "::8.8.8.8",
                "240.0.0.1",
                "250.1.2.3",
                "192.0.0.9",
                "192.0.0.170",
                "192.0.2.7",
                "198.51.100.1",
                "203.0.113.9",
                "192.31.196.1",
                "192.52.193.1",
                "192.88.99.1",
                "192.175.48.1",
                "198.19.255.255",
                "100::1",
                "100:0:0:1::1",
                "2001::1",
                "2001:2::1",
                "2001:20::1",
                "2001:db8::1",
                "2620:4f:8000::1",
                "3fff::1",
                "5f00::1",
                "fec0::1",
                "ff02::1",
                "4000::1",
                "e000::1"
            })
    void isPublicWhenInAnySpecialPurposeBlockThenFalse(String ip) throws Exception {
        assertThat(SsrfGuard.isPublic(InetAddress.getByName(ip))).as(ip).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://[64:ff9b::7f00:1]/c",
                "https://[2002:7f00:1::1]/c",
                "https://[::127.0.0.1]/c",
                "https://240.0.0.1/c",
                "https://[::ffff:169.254.169.254]/c"
            })
    void checkWhenTranslationPrefixEmbedsInternalAddressThenRefused(String url) {
        assertThatThrownBy(() -> guard.check(URI.create(url)))
                .isInstanceOf(MetadataDocumentException.class)
                .hasMessageContaining("non-public");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"8.8.4.4", "9.9.9.9", "2001:4860:4860::8888", "2a00:1450:4001::1", "223.255.255.1", "192.0.1.1"})
    void isPublicWhenNextToASpecialBlockButOutsideThenTrue(String ip) throws Exception {
        assertThat(SsrfGuard.isPublic(InetAddress.getByName(ip))).as(ip).isTrue();
    }

    @org.junit.jupiter.api.Test
    void blocksWhenListedThenEachNamesItsRfc() {
        assertThat(SpecialPurposeAddresses.BLOCKS)
                .allSatisfy(b -> assertThat(b.reference()).startsWith("RFC "));
        assertThat(SpecialPurposeAddresses.BLOCKS)
                .extracting(SpecialPurposeAddresses.Block::cidr)
                .contains("64:ff9b::/96", "2002::/16", "::/96", "240.0.0.0/4");
    }

    @org.junit.jupiter.api.Test
    void checkWhenHostPublicLiteralThenReturnsTheAddressToConnectTo() throws Exception {
        assertThat(guard.check(URI.create("https://8.8.8.8/c"))).containsExactly(InetAddress.getByName("8.8.8.8"));
    }
}
