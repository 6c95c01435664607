package dev.portcullis.oauth.revocation;

import dev.portcullis.config.AuthServerConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Reloads {@link AccessTokenRevocations} from the database every {@code portcullis.oauth.revocation.refresh-interval}
 * (read at start-up), with a non-persistent interval timer; the first load happens at start-up.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class RevocationListRefresh {

    @Resource
    private TimerService timers;

    @Inject
    private AccessTokenRevocations revocations;

    @Inject
    private AuthServerConfig config;

    @PostConstruct
    void start() {
        long interval = config.revocationRefreshInterval().toMillis();
        timers.createIntervalTimer(interval, interval, new TimerConfig("reload revoked access tokens", false));
        revocations.reload();
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void reload() {
        revocations.reload();
    }
}
