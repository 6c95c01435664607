package dev.portcullis.testing;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock plus an offset that a test moves, so that it sees a lifetime end without sleeping through it.
 * Time still passes (the database and the audit trail keep their own clocks); {@link #reset()} ends the shift.
 * A test deployment that adds {@link TestClock} and {@link Producer} gives this clock to every bean that injects
 * one, in place of the engine's.
 */
public final class TestClock extends Clock {

    /** The one clock of a test deployment: the in-container test and the beans share it. */
    public static final TestClock INSTANCE = new TestClock();

    private volatile Duration offset = Duration.ZERO;

    private TestClock() {}

    /** Moves the time forward by {@code by}, for every bean at once. */
    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Back to the system time. */
    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    /** Replaces the engine's clock in the deployment: an alternative with a priority is enabled for all of it. */
    @ApplicationScoped
    @Alternative
    @Priority(1)
    public static class Producer {

        @Produces
        @Dependent
        Clock clock() {
            return INSTANCE;
        }
    }
}
