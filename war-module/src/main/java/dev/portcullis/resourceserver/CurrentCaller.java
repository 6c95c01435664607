package dev.portcullis.resourceserver;

import dev.portcullis.mcp.api.Caller;
import jakarta.enterprise.context.RequestScoped;

/** The caller of the current {@code /mcp} request, as {@link BearerTokenFilter} established it. */
@RequestScoped
public class CurrentCaller {

    private Caller caller = Caller.ANONYMOUS;

    public Caller get() {
        return caller;
    }

    void set(Caller caller) {
        this.caller = caller;
    }
}
