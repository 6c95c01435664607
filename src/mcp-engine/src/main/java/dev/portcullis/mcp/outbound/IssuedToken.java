package dev.portcullis.mcp.outbound;

import java.time.Duration;
import java.time.Instant;

/** A token from a token endpoint and when it expires; {@link #toString()} hides the value. */
record IssuedToken(String value, Instant expiresAt, Duration lifetime) {

    /**
     * Usable at {@code now} for another call: not within {@code refreshBefore} of its expiry, and never past half its
     * lifetime when that is shorter, so a short-lived token is still reused a while and renewed before it ends.
     */
    boolean freshAt(Instant now, Duration refreshBefore) {
        Duration margin = refreshBefore.compareTo(lifetime.dividedBy(2)) < 0 ? refreshBefore : lifetime.dividedBy(2);
        return now.isBefore(expiresAt.minus(margin));
    }

    @Override
    public String toString() {
        return "IssuedToken[expires " + expiresAt + "]";
    }
}
