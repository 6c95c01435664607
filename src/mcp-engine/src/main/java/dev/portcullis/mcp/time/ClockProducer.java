package dev.portcullis.mcp.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * Produces the {@link Clock} that the engine, the core services and the web modules inject: the system clock in UTC.
 * It lives in the engine jar, the lowest module that all of them see (the EAR's {@code lib}); an application that
 * wants another clock declares an {@code @Alternative @Priority} producer, which wins over this one (CDI 4.0
 * section 2.8.1), rather than a second default one, which would make every {@code @Inject Clock} ambiguous.
 *
 * @see <a href="https://jakarta.ee/specifications/cdi/4.0/jakarta-cdi-spec-4.0#alternatives">CDI 4.0, 2.8 Alternatives</a>
 */
@ApplicationScoped
public class ClockProducer {

    /** Dependent: {@link Clock} is immutable, and a JDK class is no candidate for a client proxy. */
    @Produces
    @Dependent
    Clock clock() {
        return Clock.systemUTC();
    }
}
