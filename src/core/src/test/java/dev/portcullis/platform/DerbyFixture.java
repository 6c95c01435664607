package dev.portcullis.platform;

import java.nio.file.Path;
import org.apache.derby.jdbc.EmbeddedDataSource;

/** Real embedded Derby databases in a test's temporary directory (public: the tests of other packages use them too). */
public final class DerbyFixture {

    private DerbyFixture() {}

    /** A new database, created on first connection. */
    public static EmbeddedDataSource newDatabase(Path dir) {
        EmbeddedDataSource dataSource = existingDatabase(dir);
        dataSource.setCreateDatabase("create");
        return dataSource;
    }

    /** A datasource for a database that must already exist; connecting to a missing one fails as it would in production. */
    static EmbeddedDataSource existingDatabase(Path dir) {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(dir.resolve("db").toString());
        return dataSource;
    }
}
