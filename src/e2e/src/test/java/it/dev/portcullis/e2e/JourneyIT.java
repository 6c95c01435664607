package it.dev.portcullis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.AppServer;
import it.dev.portcullis.support.MachineClientsFixture;
import it.dev.portcullis.support.SdkClient;
import it.dev.portcullis.support.ServerUnderTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The official MCP TypeScript SDK clients, unmodified and with their own OAuth implementation, against the product
 * EAR: discovery, registration, login and consent in Chromium, PKCE, tools, a Liberty restart, step-up, refresh
 * and revocation, in both protocol eras; plus a confidential client, a CIMD client and a client whose registration
 * was deleted. Node trusts Liberty's certificate through {@code NODE_EXTRA_CA_CERTS}; nothing turns TLS checks off.
 */
@ExtendWith(ServerUnderTest.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JourneyIT {

    private static final List<String> JOURNEY = List.of(
            "discovery", "registration", "authorization", "token", "read", "restart", "step-up", "refresh", "revoke");

    private static final AppServer SERVER = AppServer.current();
    private static SdkClient sdk;
    private static MetadataDocumentServer metadataDocuments;

    @BeforeAll
    static void installClients() throws Exception {
        sdk = SdkClient.install();
        metadataDocuments = new MetadataDocumentServer(SERVER, Integer.getInteger("it.e2e.cimd.port"));
    }

    @AfterAll
    static void stopDocumentServer() {
        if (metadataDocuments != null) {
            metadataDocuments.close();
        }
    }

    /**
     * Also the acceptance for the audit trail: after the SDK's whole journey, the operator API shows each of
     * its steps for the client the SDK registered, in order, the first authorization under one flow id from the
     * authorize request to the token response, and neither the export nor the server's logs hold a JWT or alice's
     * password (the SDK keeps its tokens to itself, so any compact JWT there would be one of them).
     */
    @Test
    @Order(1)
    void legacyEraWithSdk1() throws Exception {
        Instant start = Instant.now().minusSeconds(1);
        run("sdk1-legacy", JOURNEY);
        JourneyAudit.of(SERVER, start, "Portcullis e2e (", "legacy").assertJourneyRecorded();
    }

    @Test
    @Order(2)
    void legacyEraWithClient2() throws Exception {
        run(
                "client2-legacy",
                JOURNEY.stream().filter(step -> !step.equals("restart")).toList());
    }

    @Test
    @Order(3)
    void modernEraWithClient2() throws Exception {
        run("client2-modern", JOURNEY);
    }

    @Test
    @Order(4)
    void confidentialClientWithClientCredentials() throws Exception {
        run("confidential", List.of("registration", "client-credentials", "tools"));
    }

    @Test
    @Order(5)
    void clientIdMetadataDocumentClient() throws Exception {
        int before = metadataDocuments.fetches();
        run("cimd", List.of("discovery", "registration", "authorization", "token", "read"));
        assertThat(metadataDocuments.fetches())
                .as("the server fetched the metadata document")
                .isGreaterThan(before);
    }

    @Test
    @Order(6)
    void staleClientRegistersAgain() throws Exception {
        run("stale-client", List.of("delete-registration", "re-registration"));
    }

    private static Map<String, String> run(String scenario, List<String> steps) throws Exception {
        return sdk.run(
                scenario,
                scenario,
                SERVER.url("/mcp"),
                Map.of(
                        "E2E_CIMD_URL",
                        metadataDocuments.url().toString(),
                        "E2E_MACHINE_CLIENT_ID",
                        MachineClientsFixture.SERVICE.clientId(),
                        "E2E_MACHINE_CLIENT_SECRET",
                        MachineClientsFixture.SERVICE.secret()),
                steps);
    }
}
