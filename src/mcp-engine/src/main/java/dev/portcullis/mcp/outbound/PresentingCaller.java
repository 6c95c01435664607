package dev.portcullis.mcp.outbound;

import dev.portcullis.mcp.api.Caller;

/**
 * A {@link Caller} whose transport kept the presented access token for token exchange. Implemented by the
 * resource server's caller; a caller without it (anonymous, a test) cannot be acted for.
 */
public interface PresentingCaller extends Caller {

    PresentedToken presentedToken();
}
