package dev.portcullis.oauth.caller;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The throttling key of a caller address: an IPv4 address as it is, an IPv6 address by its /64 (RFC 6177: one
 * subscriber's usual allocation, so rotating through one's own /64 gains nothing). The address is the TCP peer as
 * the server sees it ({@code HttpServletRequest#getRemoteAddr}); behind a reverse proxy the server must be
 * configured to take the client address from the proxy's header (Liberty: {@code <remoteIp>} on the
 * httpEndpoint, trusting only the proxy's addresses), never the application from any header.
 */
public final class CallerNetwork {

    private CallerNetwork() {}

    public static String of(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isEmpty()) {
            return "unknown";
        }
        if (remoteAddress.indexOf(':') < 0) {
            return remoteAddress;
        }
        try {
            // An IPv6 literal (getRemoteAddr never gives names), so no DNS lookup happens here.
            byte[] bytes = InetAddress.getByName(remoteAddress).getAddress();
            if (bytes.length != 16) {
                return InetAddress.getByAddress(bytes).getHostAddress();
            }
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)))
                        .append(':');
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
