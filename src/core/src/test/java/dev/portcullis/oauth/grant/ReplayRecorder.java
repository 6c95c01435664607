package dev.portcullis.oauth.grant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test observer: records every {@link AuthorizationCodeReplayed}, as the token side's revocation would see it. */
@ApplicationScoped
public class ReplayRecorder {

    private final List<String> grantIds = new CopyOnWriteArrayList<>();

    void onReplay(@Observes AuthorizationCodeReplayed event) {
        grantIds.add(event.grantId());
    }

    public List<String> grantIds() {
        return List.copyOf(grantIds);
    }
}
