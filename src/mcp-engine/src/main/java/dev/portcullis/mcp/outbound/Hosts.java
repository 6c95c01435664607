package dev.portcullis.mcp.outbound;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Outbound HTTP goes to configured origins only, over HTTPS; plain HTTP only to a loopback host (a local proxy or
 * sidecar), as RFC 8252 section 8.3 allows for loopback.
 */
final class Hosts {

    private Hosts() {}

    static void requireSecure(URI uri, String key) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && isLoopback(uri.getHost()))) {
            throw new DownstreamConfigurationException(key + " must use https (http only on a loopback host)");
        }
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("[::1]") || h.equals("::1");
    }

    /** Same scheme, host and port (RFC 6454 origin). */
    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    static boolean sameHost(URI a, URI b) {
        return Objects.equals(a.getHost().toLowerCase(Locale.ROOT), b.getHost().toLowerCase(Locale.ROOT));
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }
}
