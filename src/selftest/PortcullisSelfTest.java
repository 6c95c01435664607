import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * <pre>java src/selftest/PortcullisSelfTest.java https://mcp.example.com/mcp [src/selftest/client-profiles.json]</pre>
 *
 * Checks: TLS (the certificate is trusted by this JVM and names the host), the 401 challenge at the MCP URL, the
 * protected resource metadata at both well-known paths clients probe, the authorization server metadata (RFC 8414
 * and OpenID discovery paths), and for each client profile whether the server accepts its registration (its DCR body
 * as the client sends it; each registration made is deleted again with its RFC 7592 credentials). Client ID
 * Metadata Documents are only checked as advertised: fetching one needs a document this program does not host.
 * Exit status 0 when everything passes. It never prints a token or secret.
 */
public final class PortcullisSelfTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<String> failures = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || !args[0].startsWith("https://")) {
            System.err.println("usage: java PortcullisSelfTest.java https://<host>/mcp [client-profiles.json]");
            System.exit(2);
        }
        Path profiles = Path.of(args.length > 1 ? args[1] : "src/selftest/client-profiles.json");
        System.exit(new PortcullisSelfTest().run(URI.create(args[0]), profiles) ? 0 : 1);
    }

    boolean run(URI mcp, Path profilesFile) throws Exception {
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
                        + " (fetching a document is not tested from here)");
        Object registration = as.get("registration_endpoint");
        report(registration != null, "DCR endpoint", String.valueOf(registration));
        if (registration != null) {
            for (Object profile : (List<?>) ((Map<?, ?>) Json.parse(Files.readString(profilesFile))).get("profiles")) {
                register(URI.create(registration.toString()), (Map<?, ?>) profile);
            }
        }
        return summary();
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
