package dev.portcullis.mcp.outbound;

import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * A downstream's token endpoint: configured, or read from its issuer's metadata (OpenID Connect Discovery 1.0
 * section 4, then RFC 8414 section 3). Nimbus checks that the metadata's {@code issuer} equals the configured one
 * (RFC 8414 section 3.3); a discovered endpoint must also be on the issuer's host, so outbound requests reach
 * configured hosts only.
 */
record TokenEndpoint(URI uri, boolean exchangeAdvertised) {

    static TokenEndpoint of(DownstreamSettings settings) {
        Optional<AuthorizationServerMetadata> metadata = settings.issuer().map(issuer -> metadata(settings, issuer));
        URI uri = settings.tokenEndpoint()
                .orElseGet(() -> metadata.map(AuthorizationServerMetadata::getTokenEndpointURI)
                        .orElseThrow(() -> new DownstreamConfigurationException(
                                key(settings, "issuer") + ": the metadata names no token_endpoint")));
        if (settings.tokenEndpoint().isEmpty()) {
            Hosts.requireSecure(uri, key(settings, "issuer") + " metadata token_endpoint");
            if (!Hosts.sameHost(uri, settings.issuer().orElseThrow())) {
                throw new DownstreamConfigurationException(
                        key(settings, "issuer") + ": the metadata's token_endpoint is " + "on another host; set "
                                + key(settings, "token-endpoint") + " to trust it");
            }
        }
        boolean exchange = metadata.map(AuthorizationServerMetadata::getGrantTypes)
                .orElse(List.of())
                .contains(GrantType.TOKEN_EXCHANGE);
        return new TokenEndpoint(uri, exchange);
    }

    private static AuthorizationServerMetadata metadata(DownstreamSettings settings, URI issuer) {
        int timeout = (int) settings.timeout().toMillis();
        try {
            return OIDCProviderMetadata.resolve(new Issuer(issuer), timeout, timeout);
        } catch (GeneralException | IOException | RuntimeException notOidc) {
            try {
                return AuthorizationServerMetadata.resolve(new Issuer(issuer), timeout, timeout);
            } catch (GeneralException | IOException | RuntimeException e) {
                throw new DownstreamConfigurationException(key(settings, "issuer") + ": no OpenID Connect or RFC 8414 "
                        + "metadata for this issuer could be read ("
                        + e.getClass().getSimpleName() + ")");
            }
        }
    }

    private static String key(DownstreamSettings settings, String suffix) {
        return DownstreamSettings.PREFIX + settings.name() + "." + suffix;
    }
}
