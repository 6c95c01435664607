package dev.portcullis.oauth.console;

import dev.portcullis.json.JsonInput;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The known clients' profiles, read from the copy of {@code src/selftest/client-profiles.json} the build packs. */
final class ClientProfiles {

    static final String RESOURCE = "client-profiles.json";

    /** The loopback ports a profile's {@code {port}} and {@code {port2}} stand for, as the command-line self-test has them. */
    private static final String PORT = "49152";

    private static final String OTHER_PORT = "49153";

    private ClientProfiles() {}

    static List<ClientProfile> load() {
        try (InputStream in = ClientProfiles.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not packed beside " + ClientProfiles.class.getName());
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ClientProfile> parse(String json) {
        String filled = json.replace("{port2}", OTHER_PORT).replace("{port}", PORT);
        return JsonInput.readObject(filled).getJsonArray("profiles").stream()
                .map(JsonValue::asJsonObject)
                .map(ClientProfiles::profile)
                .toList();
    }

    private static ClientProfile profile(JsonObject entry) {
        JsonObject authorize = entry.getJsonObject("authorize");
        return new ClientProfile(
                entry.getString("id"),
                entry.getString("client"),
                entry.getJsonObject("registration"),
                authorize.getString("redirect_uri"),
                authorize.getString("scope", ""),
                "trailing-slash".equals(authorize.getString("resource", "exact")),
                entry.getBoolean("refreshes", false));
    }
}
