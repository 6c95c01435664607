package dev.portcullis.oauth.cimd;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Refuses to fetch from anywhere but the public internet over https: every address a host name resolves to must
 * be outside the {@link SpecialPurposeAddresses special-purpose blocks} (loopback, private, link-local, CGNAT,
 * NAT64, 6to4, IPv4-compatible, reserved, multicast, documentation, ...). Checked for the first URL and for every
 * redirect hop.
 *
 * <p>The check returns the addresses it approved, and the fetcher connects to exactly those
 * ({@link PinnedHttpsExchange}): the host name is resolved once, so a DNS server that answers a public address to
 * the check and an internal one to the connection (rebinding) gains nothing.
 *
 * <p>The allow-list ({@code host} or {@code host:port} entries) exists for tests that serve documents from a
 * local fixture; it is empty unless {@code portcullis.oauth.cimd.test-allow-hosts} is set.
 *
 * @see <a href="https://datatracker.ietf.org/doc/draft-ietf-oauth-client-id-metadata-document/">CIMD, security considerations</a>
 */
public final class SsrfGuard {

    private final List<String> allowList;

    public SsrfGuard(List<String> allowList) {
        this.allowList = Objects.requireNonNull(allowList, "allowList").stream()
                .map(s -> s.toLowerCase(Locale.ROOT))
                .toList();
    }

    /**
     * The addresses to connect to for {@code uri}; throws unless it is an https URL whose host resolves only to
     * public addresses (or is allow-listed).
     */
    public List<InetAddress> check(URI uri) throws MetadataDocumentException {
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new MetadataDocumentException("only https URLs are fetched");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort() == -1 ? 443 : uri.getPort();
        List<InetAddress> addresses;
        try {
            addresses = List.of(
                    InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host));
        } catch (UnknownHostException e) {
            throw new MetadataDocumentException("the host " + host + " does not resolve");
        }
        if (allowList.contains(host) || allowList.contains(host + ":" + port)) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new MetadataDocumentException("the host " + host + " resolves to a non-public address");
            }
        }
        return addresses;
    }

    /** Whether an address is public unicast, in none of the special-purpose blocks. */
    static boolean isPublic(InetAddress address) {
        return refusedBlock(address).isEmpty();
    }

    /** The special-purpose block that makes {@code address} unfetchable, if any. */
    static Optional<SpecialPurposeAddresses.Block> refusedBlock(InetAddress address) {
        return SpecialPurposeAddresses.blockOf(address);
    }
}
