package dev.portcullis.resourceserver;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Says loudly, at start, that {@code /mcp} is unprotected when {@code portcullis.mcp.auth=open}. */
@ApplicationScoped
public class OpenModeWarning {

    private static final Logger LOG = Logger.getLogger(OpenModeWarning.class.getName());

    @Inject
    private ResourceServerConfig config;

    void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (config.open()) {
            LOG.warning("*** Portcullis: /mcp is OPEN (portcullis.mcp.auth=open): anyone who can reach it may call "
                    + "every tool without a token. Use this for development and conformance testing only. ***");
        }
    }
}
