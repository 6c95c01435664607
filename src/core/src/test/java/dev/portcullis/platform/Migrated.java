package dev.portcullis.platform;

import javax.sql.DataSource;

/** A test database with the shipped migrations applied, exactly as start-up applies them (for other packages' tests). */
public final class Migrated {

    private Migrated() {}

    /** Migrates {@code dataSource} to the current schema and returns it. */
    public static <D extends DataSource> D schema(D dataSource) {
        SchemaMigration.flyway(dataSource, Migrated.class.getClassLoader()).migrate();
        return dataSource;
    }
}
