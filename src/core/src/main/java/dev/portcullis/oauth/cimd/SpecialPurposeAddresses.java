package dev.portcullis.oauth.cimd;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * The address blocks a metadata document fetch never connects to, as data: every entry of the IANA IPv4 and IPv6
 * Special-Purpose Address Registries (whether or not IANA marks it globally reachable: none of them hosts client
 * metadata), plus multicast, the IPv4 "reserved for future use" block, the deprecated IPv4-compatible and
 * site-local IPv6 blocks, and everything outside IPv6 global unicast {@code 2000::/3}. Translation prefixes
 * (NAT64, 6to4, Teredo, IPv4-mapped, IPv4-compatible) are refused whole, because the IPv4 address they embed may
 * be internal.
 *
 * @see <a href="https://www.iana.org/assignments/iana-ipv4-special-registry/">IANA IPv4 Special-Purpose Address Registry</a>
 * @see <a href="https://www.iana.org/assignments/iana-ipv6-special-registry/">IANA IPv6 Special-Purpose Address Registry</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6890">RFC 6890 (the registries' rules)</a>
 */
final class SpecialPurposeAddresses {

    /** One refused block: a CIDR prefix, its registry name and the RFC that assigns it. */
    record Block(String cidr, String name, String reference, byte[] prefix, int bits) {

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (prefix[full] & mask);
        }

        @Override
        public String toString() {
            return cidr + " (" + name + ", " + reference + ")";
        }
    }

    static final List<Block> BLOCKS = List.of(
            // IANA IPv4 Special-Purpose Address Registry
            block("0.0.0.0/8", "This network", "RFC 791"),
            block("10.0.0.0/8", "Private-Use", "RFC 1918"),
            block("100.64.0.0/10", "Shared Address Space (CGNAT)", "RFC 6598"),
            block("127.0.0.0/8", "Loopback", "RFC 1122"),
            block("169.254.0.0/16", "Link Local", "RFC 3927"),
            block("172.16.0.0/12", "Private-Use", "RFC 1918"),
            block("192.0.0.0/24", "IETF Protocol Assignments (DS-Lite, PCP/TURN anycast, NAT64 discovery)", "RFC 6890"),
            block("192.0.2.0/24", "Documentation (TEST-NET-1)", "RFC 5737"),
            block("192.31.196.0/24", "AS112-v4", "RFC 7535"),
            block("192.52.193.0/24", "AMT", "RFC 7450"),
            block("192.88.99.0/24", "Deprecated 6to4 Relay Anycast", "RFC 7526"),
            block("192.168.0.0/16", "Private-Use", "RFC 1918"),
            block("192.175.48.0/24", "Direct Delegation AS112 Service", "RFC 7534"),
            block("198.18.0.0/15", "Benchmarking", "RFC 2544"),
            block("198.51.100.0/24", "Documentation (TEST-NET-2)", "RFC 5737"),
            block("203.0.113.0/24", "Documentation (TEST-NET-3)", "RFC 5737"),
            block("224.0.0.0/4", "Multicast", "RFC 5771"),
            block("240.0.0.0/4", "Reserved", "RFC 1112"),
            block("255.255.255.255/32", "Limited Broadcast", "RFC 919"),
            // IANA IPv6 Special-Purpose Address Registry
            block("::/128", "Unspecified Address", "RFC 4291"),
            block("::1/128", "Loopback Address", "RFC 4291"),
            block("::ffff:0:0/96", "IPv4-mapped Address", "RFC 4291"),
            block("64:ff9b::/96", "IPv4-IPv6 Translation (NAT64)", "RFC 6052"),
            block("64:ff9b:1::/48", "IPv4-IPv6 Translation, local use", "RFC 8215"),
            block("100::/64", "Discard-Only Address Block", "RFC 6666"),
            block("100:0:0:1::/64", "Dummy IPv6 Prefix", "RFC 9780"),
            block(
                    "2001::/23",
                    "IETF Protocol Assignments (Teredo, benchmarking, AMT, AS112, ORCHID, DRIP)",
                    "RFC 2928"),
            block("2001:db8::/32", "Documentation", "RFC 3849"),
            block("2002::/16", "6to4", "RFC 3056"),
            block("2620:4f:8000::/48", "Direct Delegation AS112 Service", "RFC 7534"),
            block("3fff::/20", "Documentation", "RFC 9637"),
            block("5f00::/16", "Segment Routing (SRv6) SIDs", "RFC 9602"),
            block("fc00::/7", "Unique-Local", "RFC 4193"),
            block("fe80::/10", "Link-Local Unicast", "RFC 4291"),
            // Outside the special-purpose registries, never a document host either
            block("::/96", "IPv4-compatible (deprecated)", "RFC 4291 section 2.5.5.1"),
            block("fec0::/10", "Site-Local (deprecated)", "RFC 3879"),
            block("ff00::/8", "Multicast", "RFC 4291"));

    /** IANA IPv6 Address Space: only {@code 2000::/3} is allocated as global unicast. */
    private static final Block GLOBAL_UNICAST = block("2000::/3", "Global Unicast", "RFC 4291");

    private SpecialPurposeAddresses() {}

    /** The refused block {@code address} is in, or empty for a public unicast address. */
    static Optional<Block> blockOf(InetAddress address) {
        byte[] bytes = address.getAddress();
        for (Block block : BLOCKS) {
            if (block.contains(bytes)) {
                return Optional.of(block);
            }
        }
        if (address instanceof Inet6Address && !GLOBAL_UNICAST.contains(bytes)) {
            return Optional.of(
                    new Block("outside 2000::/3", "not global unicast", "IANA IPv6 Address Space", bytes, 0));
        }
        return Optional.empty();
    }

    private static Block block(String cidr, String name, String reference) {
        int slash = cidr.indexOf('/');
        try {
            // Literals only: getByName does not consult DNS for them.
            byte[] prefix = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
            if (cidr.startsWith("::ffff:")) {
                prefix = mappedPrefix(); // the JDK turns ::ffff:a.b.c.d literals into IPv4 addresses
            }
            return new Block(cidr, name, reference, prefix, Integer.parseInt(cidr.substring(slash + 1)));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("bad block literal " + cidr, e);
        }
    }

    private static byte[] mappedPrefix() {
        byte[] prefix = new byte[16];
        prefix[10] = (byte) 0xff;
        prefix[11] = (byte) 0xff;
        return prefix;
    }
}
