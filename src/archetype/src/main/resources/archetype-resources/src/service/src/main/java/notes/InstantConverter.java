package ${package}.notes;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Stores {@link Instant}s as SQL TIMESTAMPs. JPA 3.1 has no mapping for {@code Instant} (3.2 adds one), and
 * EclipseLink 4.0 would otherwise serialize it into a binary column. A converter applies within its own persistence
 * unit only (listed in persistence.xml), so Portcullis's own one in portcullis-core does not reach this unit.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, Timestamp> {

    @Override
    public Timestamp convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    @Override
    public Instant convertToEntityAttribute(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
