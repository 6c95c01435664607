package dev.portcullis.oauth.cimd;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Refuses to fetch from anywhere but the public internet over https: every address a host name resolves to must
 * be public, never loopback, private (RFC 1918, fc00::/7), link-local (169.254/16, fe80::/10), CGNAT, multicast
 * or unspecified. Checked for the first URL and for every redirect hop.
 *
 * <p>The allow-list ({@code host} or {@code host:port} entries) exists for tests that serve documents from a
 * local fixture; it is empty unless {@code portcullis.oauth.cimd.test-allow-hosts} is set.
 *
 * <p>Known limit: the HTTP client resolves the host again when it connects, so a DNS server that answers
 * differently within milliseconds (rebinding) is not fully excluded. Production deployments should also route
 * these fetches through an egress proxy that enforces the same rules.
 *
 * @see <a href="https://datatracker.ietf.org/doc/draft-ietf-oauth-client-id-metadata-document/">CIMD, security considerations</a>
 */
public final class SsrfGuard {

    private final List<String> allowList;

    public SsrfGuard(List<String> allowList) {
        this.allowList = Objects.requireNonNull(allowList, "allowList").stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }

    /** Throws unless {@code uri} is an https URL whose host resolves only to public addresses (or is allow-listed). */
    public void check(URI uri) throws MetadataDocumentException {
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new MetadataDocumentException("only https URLs are fetched");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort() == -1 ? 443 : uri.getPort();
        if (allowList.contains(host) || allowList.contains(host + ":" + port)) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new MetadataDocumentException("the host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new MetadataDocumentException("the host " + host + " resolves to a non-public address");
            }
        }
    }

    /** Whether an address is on the public internet. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 && first != 255
                    && !(first == 100 && second >= 64 && second < 128) // 100.64/10 carrier-grade NAT
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // 192.0.0/24 IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)); // 198.18/15 benchmarking
        }
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) != 0xfc; // fc00::/7 unique local
        }
        return false;
    }
}
