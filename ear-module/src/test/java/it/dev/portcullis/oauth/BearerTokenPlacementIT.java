package it.dev.portcullis.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.Https;
import it.dev.portcullis.support.LibertyServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A bearer token authenticates at the MCP endpoint and nowhere else: the pages behind the realm's login accept only
 * the realm's FORM login. A stolen access token must not open alice's consent page, approve a client, list or
 * withdraw her consents, or read a registration, however the request is dressed up: {@code /mcp} in the query, in
 * a path parameter or segment, in headers a server or proxy might consult, or the token as a query or form
 * parameter. Each attempt meets the FORM login (a redirect to {@code /oauth/login}) or an error, never a page of
 * alice's, and leaves her consents and the client's codes as they were.
 */
class BearerTokenPlacementIT {

    private static final LibertyServer SERVER = LibertyServer.current();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .sslContext(Https.trustingServer(SERVER))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private static String accessToken;
    private static String clientId;

    /** Alice's access token from a real code flow, a remembered approval, and a client she has never approved. */
    @BeforeAll
    static void aliceHasAnAccessToken() throws Exception {
        accessToken = new CodeFlowTokens(new TokenApi(SERVER))
                .tokens(CodeFlowTokens.publicClient())
                .getString("access_token");
        // A remembered approval of alice's for the withdrawal test (remembered only for a confidential client).
        CodeFlowTokens.code(AuthorizeFixtures.registerConfidentialClient(CodeFlowTokens.REDIRECT));
        clientId = CodeFlowTokens.publicClient();
    }

    /** The ways a request can carry "/mcp" or the token somewhere a URL-pattern rule might look. */
    private static List<HttpRequest> disguises(String path, String query) {
        String mcp = SERVER.url("/mcp").toString();
        String q = query.isEmpty() ? "" : "?" + query;
        String and = query.isEmpty() ? "?" : "?" + query + "&";
        List<HttpRequest> requests = new ArrayList<>();
        requests.add(get(path + q).build());
        requests.add(get(path + and + "x=/mcp").build());
        requests.add(get(path + and + "x=" + mcp).build());
        requests.add(get(path + ";x=/mcp" + q).build());
        requests.add(get(path + ";/mcp" + q).build());
        requests.add(get(path + and + "access_token=" + accessToken).build());
        for (String header : List.of(
                "request-url", "X-Original-URL", "X-Rewrite-URL", "X-Forwarded-Prefix", "X-Forwarded-Uri", "Referer")) {
            requests.add(get(path + q)
                    .header(header, header.equals("X-Forwarded-Prefix") ? "/mcp" : mcp)
                    .build());
        }
        return requests;
    }

    private static HttpRequest.Builder get(String pathAndQuery) {
        return HttpRequest.newBuilder(SERVER.url(pathAndQuery))
                .header("Authorization", "Bearer " + accessToken)
                .GET();
    }

    /** The FORM login's answer to a request nobody logged in for: a redirect to the login page, or a refusal. */
    private static void assertNotSignedIn(HttpRequest request, HttpResponse<String> response) {
        String what = request.method() + " " + request.uri() + " "
                + request.headers().map().keySet();
        assertThat(response.body())
                .as(what)
                .doesNotContain("alice")
                .doesNotContain("name=\"decision\"")
                .doesNotContain("Applications you allowed");
        if (response.statusCode() / 100 == 3) {
            String location = response.headers().firstValue("Location").orElse("");
            assertThat(location).as(what).contains("/oauth/login").doesNotContain("code=");
        } else {
            assertThat(response.statusCode()).as(what + " " + response.body()).isBetween(400, 499);
        }
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void tokenAtTheAuthorizationEndpointThenFormLoginAndNoConsentPage() throws Exception {
        String query = UserSession.form(AuthorizeFixtures.request(clientId, CodeFlowTokens.REDIRECT));
        for (HttpRequest request : disguises("/oauth/authorize", query)) {
            assertNotSignedIn(request, send(request));
        }
    }

    @Test
    void tokenAtTheConsentsPageThenFormLoginAndNoConsentList() throws Exception {
        for (HttpRequest request : disguises("/oauth/consents", "")) {
            assertNotSignedIn(request, send(request));
        }
    }

    @Test
    void tokenPostingAnApprovalOrAWithdrawalThenNothingIsGrantedOrWithdrawn() throws Exception {
        UserSession alice = UserSession.loggedIn("alice", "alice-password");
        String before = alice.get("/oauth/consents").body();

        Map<String, String> approval =
                new LinkedHashMap<>(AuthorizeFixtures.request(clientId, CodeFlowTokens.REDIRECT));
        approval.put("decision", "approve");
        // The withdrawal form of alice's first consent, with the fields her own session was given.
        Map<String, String> withdrawal = UserSession.hiddenFields(before);
        assertThat(withdrawal).containsKey("consent_id");
        for (String path :
                List.of("/oauth/authorize", "/oauth/authorize?x=/mcp", "/oauth/consents", "/oauth/consents?x=/mcp")) {
            for (Map<String, String> form : List.of(approval, withdrawal)) {
                Map<String, String> withToken = new LinkedHashMap<>(form);
                withToken.put("access_token", accessToken);
                HttpRequest request = HttpRequest.newBuilder(SERVER.url(path))
                        .header("Authorization", "Bearer " + accessToken)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("request-url", SERVER.url("/mcp").toString())
                        .POST(HttpRequest.BodyPublishers.ofString(UserSession.form(withToken)))
                        .build();
                assertNotSignedIn(request, send(request));
            }
        }

        assertThat(consentIds(alice.get("/oauth/consents").body()))
                .as("alice's consents are unchanged")
                .isEqualTo(consentIds(before));
        // The client alice never approved still gets her consent page, not a remembered approval.
        HttpResponse<String> page = alice.authorize(AuthorizeFixtures.request(clientId, CodeFlowTokens.REDIRECT));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"decision\"");
    }

    private static List<String> consentIds(String consentsPage) {
        return Pattern.compile("name=\"consent_id\" value=\"([^\"]+)\"")
                .matcher(consentsPage)
                .results()
                .map(match -> match.group(1))
                .sorted()
                .toList();
    }

    @Test
    void tokenAtTheLoginPagesThenOnlyTheLoginForm() throws Exception {
        for (String path : List.of("/oauth/login", "/oauth/login-error")) {
            for (HttpRequest request : disguises(path, "")) {
                HttpResponse<String> response = send(request);
                assertThat(response.body())
                        .as(request.uri().toString())
                        .doesNotContain("alice")
                        .doesNotContain("name=\"decision\"");
            }
        }
    }

    @Test
    void tokenInPlaceOfTheRegistrationAccessTokenThenInvalidToken() throws Exception {
        for (HttpRequest request : disguises("/oauth/register/" + clientId, "")) {
            HttpResponse<String> response = send(request);
            assertThat(response.statusCode())
                    .as(request.uri() + " " + response.body())
                    .isIn(401, 404);
            assertThat(response.body()).doesNotContain(CodeFlowTokens.REDIRECT);
        }
    }

    @Test
    void tokenAtTheMcpEndpointItselfIsAccepted() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create(SERVER.url("/mcp").toString()))
                .header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                        + "\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                        + "\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}"))
                .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
