package dev.portcullis.oauth.console;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The inspector pages' one script, a hand-written module served from this origin (the CSP allows nothing else). */
@Path(InspectorScriptResource.PATH)
public class InspectorScriptResource {

    static final String PATH = "/assets/inspector.js";

    private static final byte[] SCRIPT = load();

    @GET
    public Response script() {
        return Response.ok(SCRIPT, "text/javascript; charset=UTF-8")
                .header("Cache-Control", "public, max-age=3600")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private static byte[] load() {
        try (InputStream in = InspectorScriptResource.class.getResourceAsStream("inspector.js")) {
            if (in == null) {
                throw new IllegalStateException("inspector.js is missing from the WAR");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
