package dev.portcullis.mcp.outbound;

import dev.portcullis.mcp.api.AccessTokens;
import dev.portcullis.mcp.api.Downstream;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.util.concurrent.TimeUnit;

/** Produces {@code @Downstream("name")} {@link AccessTokens} and JAX-RS {@link Client}s. */
@ApplicationScoped
public class DownstreamProducers {

    @Inject
    DownstreamExtension extension;

    @Produces
    @Dependent
    @Downstream("")
    AccessTokens accessTokens(InjectionPoint point) {
        return extension.tokens(name(point));
    }

    /** A client that adds the downstream's header to requests for its URL and refuses any other origin. */
    @Produces
    @Dependent
    @Downstream("")
    Client client(InjectionPoint point) {
        DownstreamTokens tokens = extension.tokens(name(point));
        return ClientBuilder.newBuilder()
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS)
                .register(new DownstreamFilter(tokens, tokens.url()))
                .build();
    }

    void close(@Disposes @Downstream("") Client client) {
        client.close();
    }

    private static String name(InjectionPoint point) {
        return point.getQualifiers().stream()
                .filter(Downstream.class::isInstance)
                .map(Downstream.class::cast)
                .findFirst()
                .orElseThrow()
                .value();
    }
}
