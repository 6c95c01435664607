package dev.portcullis.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The databases Portcullis runs on, each with its folder of vendor-specific migrations ({@code db/vendor/<folder>}).
 * Derby is the embedded default; PostgreSQL is the database for production and for several instances
 * (src/docs/scale-out.md).
 */
public enum DatabaseVendor {
    DERBY("derby", "Apache Derby"),
    POSTGRESQL("postgresql", "PostgreSQL");

    private final String folder;
    private final String productName;

    DatabaseVendor(String folder, String productName) {
        this.folder = folder;
        this.productName = productName;
    }

    /** The folder under {@code db/vendor} with this database's own migrations. */
    public String folder() {
        return folder;
    }

    /** The vendor of the database behind a datasource, from its JDBC metadata; any other database stops start-up. */
    static DatabaseVendor of(DataSource dataSource) {
        String product;
        try (Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new StartupFailure("the datasource " + SchemaMigration.DATASOURCE + " cannot open a connection ("
                    + e.getMessage() + ")");
        }
        return fromProductName(product);
    }

    static DatabaseVendor fromProductName(String product) {
        for (DatabaseVendor vendor : values()) {
            if (vendor.productName
                    .toLowerCase(Locale.ROOT)
                    .equals(String.valueOf(product).toLowerCase(Locale.ROOT))) {
                return vendor;
            }
        }
        throw new StartupFailure("the datasource " + SchemaMigration.DATASOURCE + " is a " + product
                + " database; Portcullis runs on Apache Derby or PostgreSQL");
    }
}
