package dev.portcullis.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.client.ClientResolver;
import dev.portcullis.oauth.grants.Grants;
import dev.portcullis.oauth.model.AuthorizationGrant;
import dev.portcullis.oauth.model.RegisteredClient;
import dev.portcullis.oauth.registration.ClientRegistrationService;
import dev.portcullis.oauth.revocation.RevocationService;
import dev.portcullis.oauth.token.ClientCredentialsGrant;
import dev.portcullis.oauth.token.FormParameters;
import dev.portcullis.oauth.token.TokenFamilies;
import dev.portcullis.oauth.token.TokenResponse;
import dev.portcullis.testing.ProductWar;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.UserTransaction;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the token endpoint, registration, revocation and the console and account pages read from the database when
 * the registry is large: each operation runs through the real session beans with Derby's XPLAIN capture on the
 * transaction's connection, and no statement of it may visit more than a handful of rows of the big tables (an
 * index lookup visits a few; a full scan visits them all). The registry is grown by doubling seed rows in SQL, so a
 * large table costs seconds, not hours of registrations.
 *
 * <p>By default 4,096 clients and 16,384 token families (enough for Derby's optimizer to prefer an index where one
 * fits). With {@code -Dportcullis.benchmark=true} the same operations are also timed as the registry grows to
 * 131,072 clients and 1,048,576 families ({@code src/docs/benchmarks.md}, "Registry at scale").
 *
 * @see <a href="https://db.apache.org/derby/docs/10.16/ref/rrefsyscsxplainschema.html">Derby: SYSCS_SET_XPLAIN_SCHEMA</a>
 */
@ExtendWith(ArquillianExtension.class)
class RegistryAtScaleArquillianIT {

    private static final Logger LOG = Logger.getLogger(RegistryAtScaleArquillianIT.class.getName());
    private static final String RESOURCE = "https://localhost:9443/mcp";
    private static final String PLANS = "PORTCULLIS_PLANS";
    /** The tables that grow with clients and grants: a statement may visit only a few of their rows. */
    private static final List<String> BIG_TABLES =
            List.of("OAUTH_CLIENT", "OAUTH_TOKEN_FAMILY", "OAUTH_REFRESH_TOKEN", "OAUTH_CONSENT");
    /** An index lookup of one key visits its row and, for a range condition, a few neighbours. */
    private static final int FEW_ROWS = 50;

    @Deployment
    static WebArchive deployment() {
        return ProductWar.named("portcullis-scale-it.war")
                .addClass(RegistryAtScaleArquillianIT.class)
                // The scopes the clients use: this deployment has no tool that declares one.
                .addAsResource(
                        new StringAsset("portcullis.oauth.scopes=pets:read\n"),
                        "META-INF/microprofile-config.properties");
    }

    @EJB
    private ClientRegistrationService registry;

    @EJB
    private TokenFamilies families;

    @EJB
    private RevocationService revocations;

    @EJB
    private Grants grants;

    @Inject
    private ClientResolver resolver;

    @Inject
    private ClientCredentialsGrant clientCredentials;

    @Resource(lookup = "jdbc/portcullis")
    private DataSource dataSource;

    @Resource(lookup = "java:comp/UserTransaction")
    private UserTransaction transaction;

    private Seeds seeds;
    private RegisteredClient viewed;
    private String lastSubject;

    @BeforeEach
    void seedTemplates() throws Exception {
        seeds = new Seeds(
                dataSource,
                publicClient().clientId(),
                "seed-" + UUID.randomUUID().toString().substring(0, 8));
        RegisteredClient template = resolver.resolve(seeds.templateClient).orElseThrow();
        TokenResponse tokens = families.start(template, grant(template, "seed-template"));
        seeds.plantFamily(familyOf(tokens));
        // What the account and console pages show: alice's three grants to a client of her own.
        viewed = publicClient();
        for (int i = 0; i < 3; i++) {
            families.start(viewed, grant(viewed, "alice"));
        }
    }

    @AfterEach
    void removeSeeds() throws SQLException {
        seeds.remove();
    }

    @Test
    void operationsWhenTheRegistryIsLargeThenNoStatementVisitsMoreThanAFewRows() throws Exception {
        seeds.growClients(12);
        seeds.growFamilies(14);
        seeds.makePopular();
        seeds.updateStatistics();
        assertEquals(4096, seeds.count("OAUTH_CLIENT", "CLIENT_ID"));
        assertEquals(16384, seeds.count("OAUTH_TOKEN_FAMILY", "FAMILY_ID"));

        Map<String, List<Plan>> plans = new LinkedHashMap<>();
        operations().forEach((name, operation) -> plans.put(name, captured(operation)));

        List<String> scans = new ArrayList<>();
        plans.forEach((name, statements) -> LOG.info(() -> name + " -> " + statements));
        for (String name : List.of("account: my grants", "console: a client's grants")) {
            assertFalse(plans.get(name).isEmpty(), name + ": nothing captured, so the capture missed its connection");
        }
        plans.forEach((name, statements) -> {
            statements.stream()
                    .filter(plan -> BIG_TABLES.contains(plan.table()) && plan.visited() > FEW_ROWS)
                    .filter(plan -> !plan.countsThroughAnIndex())
                    .forEach(plan -> scans.add(name + ": " + plan));
        });
        assertTrue(scans.isEmpty(), "statements that scan a large table:\n" + String.join("\n", scans));
    }

    @Test
    @EnabledIfSystemProperty(named = "portcullis.benchmark", matches = "true")
    void benchmarkWhenTheRegistryGrowsThenEachOperationStaysFlat() throws Exception {
        int rounds = Integer.getInteger("portcullis.benchmark.rounds", 200);
        StringBuilder tsv = new StringBuilder("clients\tfamilies\toperation\tmean_us\tmax_rows_visited\n");
        int[][] steps = {{7, 10}, {10, 14}, {14, 17}, {17, 20}}; // 2^k clients, 2^k families
        int clientDoublings = 0;
        int familyDoublings = 0;
        for (int[] step : steps) {
            seeds.growClients(step[0] - clientDoublings);
            seeds.growFamilies(step[1] - familyDoublings);
            clientDoublings = step[0];
            familyDoublings = step[1];
            seeds.updateStatistics();
            long clients = seeds.count("OAUTH_CLIENT", "CLIENT_ID");
            long families = seeds.count("OAUTH_TOKEN_FAMILY", "FAMILY_ID");
            for (Map.Entry<String, Operation> operation : operations().entrySet()) {
                int visited = captured(operation.getValue()).stream()
                        .filter(plan -> BIG_TABLES.contains(plan.table()))
                        .mapToInt(Plan::visited)
                        .max()
                        .orElse(0);
                long nanos = 0;
                for (int i = 0; i < rounds + rounds / 4; i++) { // the first quarter warms up
                    TokenResponse prepared = operation.getValue().prepare().get();
                    long started = System.nanoTime();
                    operation.getValue().run().accept(prepared);
                    nanos += i < rounds / 4 ? 0 : System.nanoTime() - started;
                }
                long meanMicros = nanos / rounds / 1000;
                tsv.append(clients)
                        .append('\t')
                        .append(families)
                        .append('\t')
                        .append(operation.getKey())
                        .append('\t')
                        .append(meanMicros)
                        .append('\t')
                        .append(visited)
                        .append('\n');
            }
        }
        Path out = Path.of(System.getProperty("portcullis.benchmark.output", "registry-at-scale.tsv"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, tsv);
        LOG.info(() -> "Registry at scale (" + out.toAbsolutePath() + "):\n" + tsv);
    }

    /**
     * One call of each operation the registry's size could slow down. What an operation needs fresh (a family to
     * refresh or revoke) is prepared before it, in a transaction of its own, as a client would have got it earlier.
     */
    private Map<String, Operation> operations() {
        Map<String, Operation> operations = new LinkedHashMap<>();
        operations.put("register a client (DCR)", Operation.of(this::publicClient));
        operations.put("resolve a client (token endpoint)", Operation.of(() -> resolver.resolve(seeds.templateClient)));
        operations.put("client_credentials token", Operation.of(() -> {
            RegisteredClient machine =
                    resolver.resolve(seeds.machineClient(registry)).orElseThrow();
            clientCredentials.grant(
                    machine,
                    FormParameters.parse("application/x-www-form-urlencoded", "grant_type=client_credentials"));
        }));
        operations.put("code redeemed: a family starts", Operation.of(this::startFamily));
        operations.put(
                "refresh token rotated",
                new Operation(
                        this::startFamily,
                        tokens -> families.refresh(
                                resolver.resolve(seeds.templateClient).orElseThrow(),
                                tokens.refreshToken(),
                                Optional.empty(),
                                List.of())));
        operations.put(
                "refresh token revoked (RFC 7009)",
                new Operation(
                        this::startFamily,
                        tokens -> revocations.revokeRefreshToken(tokens.refreshToken(), seeds.templateClient)));
        operations.put("account: my grants", Operation.of(() -> grants.ofSubject("alice")));
        operations.put(
                "account: revoke a client",
                new Operation(
                        this::startFamily,
                        tokens -> revocations.revokeAuthorizationsOf(seeds.templateClient, lastSubject)));
        operations.put("console: a client's grants", Operation.of(() -> grants.ofClient(viewed.clientId())));
        operations.put("console: a client's summary", Operation.of(() -> grants.client(viewed.clientId())));
        operations.put("console: first page of clients", Operation.of(() -> grants.clients("", 0)));
        return operations;
    }

    /** What an operation needs prepared, and the operation. */
    record Operation(Supplier<TokenResponse> prepare, Consumer<TokenResponse> run) {
        static Operation of(Runnable run) {
            return new Operation(() -> null, prepared -> run.run());
        }
    }

    /** A new family of a new user, so that no user's grants pile up over the rounds. */
    private TokenResponse startFamily() {
        RegisteredClient client = resolver.resolve(seeds.templateClient).orElseThrow();
        lastSubject = "user-" + UUID.randomUUID();
        return families.start(client, grant(client, lastSubject));
    }

    /**
     * Runs {@code operation} in a transaction whose connection has Derby's runtime statistics and XPLAIN capture on
     * (the session beans join the transaction, so their statements run on the same connection), and returns what
     * every statement scanned.
     */
    private List<Plan> captured(Operation operation) {
        try {
            TokenResponse prepared = operation.prepare().get();
            transaction.begin();
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)");
                statement.execute("CALL SYSCS_UTIL.SYSCS_SET_XPLAIN_SCHEMA('" + PLANS + "')");
                try {
                    operation.run().accept(prepared);
                } finally {
                    statement.execute("CALL SYSCS_UTIL.SYSCS_SET_XPLAIN_SCHEMA('')");
                    statement.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(0)");
                }
            }
            transaction.commit();
            return seeds.capturedPlans(PLANS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private RegisteredClient publicClient() {
        String id = registry.register(Json.createReader(new StringReader("{\"client_name\":\"scale "
                                + UUID.randomUUID()
                                + "\",\"token_endpoint_auth_method\":\"none\",\"redirect_uris\":[\"http://127.0.0.1/cb\"],"
                                + "\"grant_types\":[\"authorization_code\",\"refresh_token\"]}"))
                        .readValue())
                .clientId();
        return resolver.resolve(id).orElseThrow();
    }

    private static AuthorizationGrant grant(RegisteredClient client, String subject) {
        return new AuthorizationGrant(
                "g-" + UUID.randomUUID(),
                client.clientId(),
                subject,
                List.of("mcp-users"),
                List.of("pets:read"),
                RESOURCE,
                Instant.now());
    }

    private static String familyOf(TokenResponse tokens) {
        String jti = tokens.accessToken().jti();
        return jti.substring(0, jti.indexOf('.'));
    }

    /** One scan of one statement: the table, the index used (null for a heap scan), and the rows it visited. */
    record Plan(String statement, String table, String index, int visited) {
        /** A count through an index reads the entries it counts (a popular client's grants), and nothing else. */
        boolean countsThroughAnIndex() {
            return index != null && statement.startsWith("SELECT COUNT(");
        }

        @Override
        public String toString() {
            return table + (index == null ? " (table scan)" : " via " + index) + ", " + visited + " rows: " + statement;
        }
    }

    /**
     * The seed rows: one client and one family copied from real ones under ids that start with a prefix of this
     * run, then doubled in SQL (each doubling appends one character to every seed id, so ids stay unique), and
     * removed at the end.
     */
    static final class Seeds {
        private final DataSource dataSource;
        private final String templateClient;
        private final String prefix;
        private int clientRounds;
        private int familyRounds;
        private String machineClient;

        Seeds(DataSource dataSource, String templateClient, String prefix) {
            this.dataSource = dataSource;
            this.templateClient = templateClient;
            this.prefix = prefix;
        }

        String machineClient(ClientRegistrationService registry) {
            if (machineClient == null) {
                machineClient = registry.provisionMachineClient(
                                "scale machine", List.of("pets:read"), "client_secret_basic", "operator")
                        .clientId();
            }
            return machineClient;
        }

        void plantFamily(String familyId) throws SQLException {
            update("INSERT INTO OAUTH_CLIENT (CLIENT_ID, METADATA, TOKEN_ENDPOINT_AUTH_METHOD, REGISTRATION_TOKEN_HASH,"
                    + " ISSUED_AT, UPDATED_AT, VERSION, LAST_USED_AT) SELECT '" + prefix + "', METADATA,"
                    + " TOKEN_ENDPOINT_AUTH_METHOD, REGISTRATION_TOKEN_HASH, ISSUED_AT, UPDATED_AT, VERSION, LAST_USED_AT"
                    + " FROM OAUTH_CLIENT WHERE CLIENT_ID = '" + templateClient + "'");
            update(
                    "INSERT INTO OAUTH_TOKEN_FAMILY (FAMILY_ID, GRANT_ID, CLIENT_ID, SUBJECT, GROUPS_JSON, SCOPE, RESOURCE,"
                            + " AUTHENTICATED_AT, CREATED_AT, EXPIRES_AT) SELECT '" + prefix + "', '" + prefix + "', '"
                            + prefix
                            + "', '" + prefix
                            + "', GROUPS_JSON, SCOPE, RESOURCE, AUTHENTICATED_AT, CREATED_AT, EXPIRES_AT"
                            + " FROM OAUTH_TOKEN_FAMILY WHERE FAMILY_ID = '" + familyId + "'");
        }

        /** Doubles the seed clients {@code times} times. */
        void growClients(int times) throws SQLException {
            for (int i = 0; i < times; i++) {
                String suffix = suffix(clientRounds++);
                update("INSERT INTO OAUTH_CLIENT (CLIENT_ID, METADATA, TOKEN_ENDPOINT_AUTH_METHOD,"
                        + " REGISTRATION_TOKEN_HASH, ISSUED_AT, UPDATED_AT, VERSION, LAST_USED_AT) SELECT CLIENT_ID || '"
                        + suffix + "', METADATA, TOKEN_ENDPOINT_AUTH_METHOD, REGISTRATION_TOKEN_HASH, ISSUED_AT,"
                        + " UPDATED_AT, VERSION, LAST_USED_AT FROM OAUTH_CLIENT WHERE CLIENT_ID LIKE '" + prefix
                        + "%'");
            }
        }

        /** Doubles the seed families, each with one refresh token, {@code times} times; clients and subjects vary. */
        void growFamilies(int times) throws SQLException {
            for (int i = 0; i < times; i++) {
                String suffix = suffix(familyRounds++);
                update("INSERT INTO OAUTH_TOKEN_FAMILY (FAMILY_ID, GRANT_ID, CLIENT_ID, SUBJECT, GROUPS_JSON, SCOPE,"
                        + " RESOURCE, AUTHENTICATED_AT, CREATED_AT, EXPIRES_AT) SELECT FAMILY_ID || '" + suffix
                        + "', GRANT_ID || '" + suffix + "', CLIENT_ID || '" + suffix + "', SUBJECT || '" + suffix
                        + "', GROUPS_JSON, SCOPE, RESOURCE, AUTHENTICATED_AT, CREATED_AT, EXPIRES_AT"
                        + " FROM OAUTH_TOKEN_FAMILY WHERE FAMILY_ID LIKE '" + prefix + "%'");
            }
            update("INSERT INTO OAUTH_REFRESH_TOKEN (TOKEN_HASH, FAMILY_ID, ISSUED_AT, EXPIRES_AT)"
                    + " SELECT FAMILY_ID, FAMILY_ID, CREATED_AT, EXPIRES_AT FROM OAUTH_TOKEN_FAMILY f"
                    + " WHERE FAMILY_ID LIKE '" + prefix + "%' AND NOT EXISTS"
                    + " (SELECT 1 FROM OAUTH_REFRESH_TOKEN r WHERE r.TOKEN_HASH = f.FAMILY_ID)");
        }

        /** A letter per doubling: 'a' to 'z' and then 'A' on, never a LIKE wildcard. */
        private static String suffix(int round) {
            return String.valueOf((char) (round < 26 ? 'a' + round : 'A' + round - 26));
        }

        /**
         * Gives half the seed families, of as many users, to the client the rounds use: a client thousands of users
         * signed in with, as a well-known MCP client is, so that ending one user's grants to it must not read all.
         */
        void makePopular() throws SQLException {
            update("UPDATE OAUTH_TOKEN_FAMILY SET CLIENT_ID = '" + templateClient + "' WHERE FAMILY_ID LIKE '" + prefix
                    + "a%'");
        }

        void updateStatistics() throws SQLException {
            for (String table : BIG_TABLES) {
                update("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', '" + table + "', null)");
            }
        }

        long count(String table, String idColumn) throws SQLException {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(
                            "SELECT COUNT(*) FROM " + table + " WHERE " + idColumn + " LIKE '" + prefix + "%'")) {
                rows.next();
                return rows.getLong(1);
            }
        }

        /** What the capture recorded, then emptied for the next operation. */
        List<Plan> capturedPlans(String schema) throws SQLException {
            List<Plan> plans = new ArrayList<>();
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                try (ResultSet rows = statement.executeQuery("SELECT st.STMT_TEXT, sp.SCAN_OBJECT_NAME,"
                        + " sp.SCAN_OBJECT_TYPE, sp.SCAN_TYPE, sp.NO_VISITED_ROWS"
                        + " FROM " + schema + ".SYSXPLAIN_STATEMENTS st"
                        + " JOIN " + schema + ".SYSXPLAIN_RESULTSETS rs ON rs.STMT_ID = st.STMT_ID"
                        + " JOIN " + schema + ".SYSXPLAIN_SCAN_PROPS sp ON sp.SCAN_RS_ID = rs.SCAN_RS_ID")) {
                    while (rows.next()) {
                        String object = rows.getString(2);
                        boolean heap = "T".equals(rows.getString(3));
                        String table = heap ? object : tableOfIndex(connection, object);
                        plans.add(new Plan(
                                rows.getString(1).replaceAll("\\s+", " "),
                                table,
                                heap ? null : object,
                                rows.getInt(5)));
                    }
                }
                for (String table : Arrays.asList(
                        "SYSXPLAIN_SCAN_PROPS",
                        "SYSXPLAIN_SORT_PROPS",
                        "SYSXPLAIN_RESULTSETS",
                        "SYSXPLAIN_STATEMENTS")) {
                    statement.executeUpdate("DELETE FROM " + schema + "." + table);
                }
            }
            return plans;
        }

        /** The table an index or constraint (its backing index) belongs to. */
        private static String tableOfIndex(Connection connection, String name) throws SQLException {
            try (var query = connection.prepareStatement("SELECT t.TABLENAME FROM SYS.SYSCONGLOMERATES c"
                    + " JOIN SYS.SYSTABLES t ON t.TABLEID = c.TABLEID WHERE c.CONGLOMERATENAME = ?"
                    + " UNION SELECT t.TABLENAME FROM SYS.SYSCONSTRAINTS k JOIN SYS.SYSTABLES t ON t.TABLEID = k.TABLEID"
                    + " WHERE k.CONSTRAINTNAME = ?")) {
                query.setString(1, name);
                query.setString(2, name);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? rows.getString(1) : name;
                }
            }
        }

        void remove() throws SQLException {
            update("DELETE FROM OAUTH_TOKEN_FAMILY WHERE FAMILY_ID LIKE '" + prefix + "%'"); // refresh tokens cascade
            update("DELETE FROM OAUTH_CLIENT WHERE CLIENT_ID LIKE '" + prefix + "%'");
        }

        private void update(String sql) throws SQLException {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }
    }
}
