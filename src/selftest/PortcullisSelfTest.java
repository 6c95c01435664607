import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator's self-test: run against the public MCP URL, it checks what the known clients need and prints one
 * verdict per check and per client. JDK 17+ only, no dependencies:
 *
 * <pre>java src/selftest/PortcullisSelfTest.java https://mcp.example.com/mcp [src/selftest/client-profiles.json]
 *     [--cimd https://app.example.com/oauth/client-metadata.json]</pre>
 *
 * Checks: TLS (the certificate is trusted by this JVM and names the host), the 401 challenge at the MCP URL, the
 * protected resource metadata at both well-known paths clients probe, the authorization server metadata (RFC 8414
 * and OpenID discovery paths), and for each client profile whether the server accepts its registration (its DCR body
 * as the client sends it; each registration made is deleted again with its RFC 7592 credentials). Client ID
 * Metadata Documents are checked as advertised, and with {@code --cimd <url>} (a document the server can reach: the
 * operator's own, or a client's published one) also as fetched: a token request with that {@code client_id} and a
 * code that does not exist gets {@code invalid_grant} only when the server fetched and accepted the document
 * ({@code invalid_client} otherwise). Nothing is issued, and the server records the attempt in its audit trail.
 * Exit status 0 when everything passes. It never prints a token or secret.
 */
public final class PortcullisSelfTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<String> failures = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        List<String> positional = new ArrayList<>();
        URI cimd = null;
        for (int a = 0; a < args.length; a++) {
            if ("--cimd".equals(args[a]) && a + 1 < args.length && args[a + 1].startsWith("https://")) {
                cimd = URI.create(args[++a]);
            } else {
                positional.add(args[a]);
            }
        }
        if (positional.isEmpty() || positional.size() > 2 || !positional.get(0).startsWith("https://")) {
            System.err.println("usage: java PortcullisSelfTest.java https://<host>/mcp [client-profiles.json] [--cimd https://<document>]");
            System.exit(2);
        }
        Path profiles = Path.of(positional.size() > 1 ? positional.get(1) : "src/selftest/client-profiles.json");
        System.exit(new PortcullisSelfTest().run(URI.create(positional.get(0)), profiles, cimd) ? 0 : 1);
    }

    boolean run(URI mcp, Path profilesFile, URI cimd) throws Exception {
        URI origin = URI.create(mcp.getScheme() + "://" + mcp.getRawAuthority());
        HttpResponse<String> challenge;
        try {
            challenge = http.send(HttpRequest.newBuilder(mcp).header("Content-Type", "application/json")
                    .header("Accept", "application/json, text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            report(true, "TLS", "the certificate is trusted by this JVM and matches " + mcp.getHost());
        } catch (IOException e) {
            report(false, "TLS", e.getClass().getSimpleName() + ": " + e.getMessage());
            return summary();
        }
        String www = challenge.headers().firstValue("WWW-Authenticate").orElse("");
        report(challenge.statusCode() == 401 && www.contains("resource_metadata="), "401 challenge at " + mcp,
                "status " + challenge.statusCode() + ", WWW-Authenticate " + (www.isEmpty() ? "missing" : www));

        String suffix = mcp.getRawPath() == null ? "" : mcp.getRawPath();
        Map<String, Object> prm = null;
        for (String path : List.of("/.well-known/oauth-protected-resource" + suffix, "/.well-known/oauth-protected-resource")) {
            Map<String, Object> document = getJson(origin.resolve(path), "protected resource metadata " + path);
            if (document != null) {
                boolean same = mcp.toString().equals(document.get("resource"));
                report(same, "PRM resource at " + path, "is " + document.get("resource") + (same ? "" : ", clients expect " + mcp
                        + " exactly (set PORTCULLIS_MCP_RESOURCE)"));
                prm = prm == null ? document : prm;
            }
        }
        String issuer = prm != null && prm.get("authorization_servers") instanceof List<?> servers && !servers.isEmpty()
                ? String.valueOf(servers.get(0)) : origin.toString();
        Map<String, Object> as = null;
        for (String path : List.of("/.well-known/oauth-authorization-server", "/.well-known/openid-configuration")) {
            Map<String, Object> document = getJson(URI.create(issuer + path), "authorization server metadata " + path);
            if (document != null) {
                report(issuer.equals(document.get("issuer")), "AS issuer at " + path, "is " + document.get("issuer"));
                as = as == null ? document : as;
            }
        }
        if (as == null) {
            return summary();
        }
        report(String.valueOf(as.get("code_challenge_methods_supported")).contains("S256"), "PKCE S256 advertised",
                String.valueOf(as.get("code_challenge_methods_supported")));
        report(Boolean.TRUE.equals(as.get("client_id_metadata_document_supported")), "CIMD advertised",
                "client_id_metadata_document_supported " + as.get("client_id_metadata_document_supported")
                        + (cimd == null ? " (pass --cimd <document URL> to check a fetch)" : ""));
        if (cimd != null && as.get("token_endpoint") != null) {
            fetchDocument(URI.create(as.get("token_endpoint").toString()), cimd);
        }
        Object registration = as.get("registration_endpoint");
        report(registration != null, "DCR endpoint", String.valueOf(registration));
        if (registration != null) {
            for (Object profile : (List<?>) ((Map<?, ?>) Json.parse(Files.readString(profilesFile))).get("profiles")) {
                register(URI.create(registration.toString()), (Map<?, ?>) profile);
            }
        }
        return summary();
    }

    /**
     * Whether the server fetches and accepts the document at {@code document}: the client is resolved before the
     * code, so a code that cannot exist gets {@code invalid_grant} for a client the server accepted and
     * {@code invalid_client} for one it could not fetch or refused (RFC 6749 section 5.2).
     */
    private void fetchDocument(URI tokenEndpoint, URI document) throws Exception {
        String form = "grant_type=authorization_code&code=portcullis-selftest-no-such-code"
                + "&code_verifier=portcullis-selftest-verifier-000000000000000000000"
                + "&redirect_uri=" + encode("http://127.0.0.1/portcullis-selftest")
                + "&client_id=" + encode(document.toString());
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(tokenEndpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Object error = parseOrEmpty(response.body()).get("error");
        if ("invalid_grant".equals(error)) {
            report(true, "CIMD fetch", "the server fetched and accepted " + document);
        } else if ("invalid_client".equals(error)) {
            report(false, "CIMD fetch", "the server did not accept " + document + ": it could not reach it, or the"
                    + " document is not a valid client (its client_id must be its own URL; see the server's audit trail)");
        } else {
            report(false, "CIMD fetch", "unexpected answer " + response.statusCode() + " " + error);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Registers the profile's DCR body and deletes the registration again; the verdict is the client's. */
    private void register(URI endpoint, Map<?, ?> profile) throws Exception {
        String body = Json.write(profile.get("registration")).replace("{port2}", "49153").replace("{port}", "49152");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        String client = "client " + profile.get("id") + " (" + profile.get("client") + ")";
        if (response.statusCode() != 201) {
            Map<?, ?> error = parseOrEmpty(response.body());
            report(false, client, "registration refused: " + response.statusCode() + " " + error.get("error") + ": "
                    + error.get("error_description"));
            return;
        }
        Map<?, ?> registered = (Map<?, ?>) Json.parse(response.body());
        report(true, client, "its redirect URIs register");
        Object uri = registered.get("registration_client_uri");
        Object token = registered.get("registration_access_token");
        if (uri != null && token != null) {
            http.send(HttpRequest.newBuilder(URI.create(uri.toString())).header("Authorization", "Bearer " + token).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }

    private Map<String, Object> getJson(URI uri, String what) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        Map<String, Object> document = response.statusCode() == 200 ? parseOrEmpty(response.body()) : Map.of();
        report(!document.isEmpty(), what, "status " + response.statusCode() + " at " + uri);
        return document.isEmpty() ? null : document;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parseOrEmpty(String text) {
        try {
            return Json.parse(text) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        } catch (IllegalArgumentException e) {
            return Map.of();
        }
    }

    private void report(boolean pass, String check, String detail) {
        System.out.println((pass ? "PASS " : "FAIL ") + check + ": " + detail);
        if (!pass) {
            failures.add(check);
        }
    }

    private boolean summary() {
        System.out.println(failures.isEmpty() ? "VERDICT: all checks passed" : "VERDICT: " + failures.size() + " failed: " + failures);
        return failures.isEmpty();
    }

    /** Just enough JSON (RFC 8259) for metadata documents and the profiles file. */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            Json json = new Json(text);
            Object value = json.value();
            json.space();
            if (json.i != text.length()) {
                throw new IllegalArgumentException("trailing text");
            }
            return value;
        }

        private Object value() {
            space();
            if (i >= s.length()) {
                throw new IllegalArgumentException("end of text");
            }
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> map = new LinkedHashMap<>();
                i++;
                space();
                if (peek('}')) {
                    return map;
                }
                do {
                    space();
                    String key = string();
                    space();
                    expect(':');
                    map.put(key, value());
                    space();
                } while (peek(','));
                expect('}');
                return map;
            }
            if (c == '[') {
                List<Object> list = new ArrayList<>();
                i++;
                space();
                if (peek(']')) {
                    return list;
                }
                do {
                    list.add(value());
                    space();
                } while (peek(','));
                expect(']');
                return list;
            }
            if (c == '"') {
                return string();
            }
            for (String literal : List.of("true", "false", "null")) {
                if (s.startsWith(literal, i)) {
                    i += literal.length();
                    return "null".equals(literal) ? null : Boolean.valueOf(literal);
                }
            }
            int start = i;
            while (i < s.length() && "+-.eE0123456789".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            if (start == i) {
                throw new IllegalArgumentException("unexpected " + c);
            }
            return Double.valueOf(s.substring(start, i));
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (i < s.length() && s.charAt(i) != '"') {
                char c = s.charAt(i++);
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> out.append(e);
                    }
                } else {
                    out.append(c);
                }
            }
            expect('"');
            return out.toString();
        }

        private void space() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private boolean peek(char c) {
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw new IllegalArgumentException("expected " + c + " at " + i);
            }
        }

        static String write(Object value) {
            if (value == null) {
                return "null";
            }
            if (value instanceof Map<?, ?> map) {
                List<String> members = new ArrayList<>();
                map.forEach((k, v) -> members.add(write(k) + ":" + write(v)));
                return "{" + String.join(",", members) + "}";
            }
            if (value instanceof List<?> list) {
                return "[" + String.join(",", list.stream().map(Json::write).toList()) + "]";
            }
            if (value instanceof String text) {
                StringBuilder out = new StringBuilder("\"");
                for (char c : text.toCharArray()) {
                    if (c == '"' || c == '\\') {
                        out.append('\\').append(c);
                    } else if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
                return out.append('"').toString();
            }
            return String.valueOf(value);
        }
    }
}
