package dev.portcullis.mcp.outbound;

import java.util.Locale;

/** How a downstream's credential is obtained ({@code portcullis.downstream.<name>.mode}). */
enum Mode {
    /** A pre-obtained token or API key from configuration. */
    STATIC,
    /** The client credentials grant, RFC 6749 section 4.4. */
    CLIENT_CREDENTIALS,
    /** Token exchange with the caller's presented token as subject, RFC 8693. */
    TOKEN_EXCHANGE;

    static Mode parse(String value, String key) {
        for (Mode mode : values()) {
            if (mode.configName().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return mode;
            }
        }
        throw new DownstreamConfigurationException(key + " must be static, client-credentials or token-exchange");
    }

    String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
