package dev.portcullis.oauth.pages;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The pages' one stylesheet, served from this origin (the CSP allows nothing else). */
@Path(Html.STYLESHEET_PATH)
public class StylesheetResource {

    private static final byte[] CSS = load();

    @GET
    @Produces("text/css; charset=UTF-8")
    public Response css() {
        return Response.ok(CSS)
                .header("Cache-Control", "public, max-age=3600")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private static byte[] load() {
        try (InputStream in = StylesheetResource.class.getResourceAsStream("portcullis.css")) {
            if (in == null) {
                throw new NotFoundException();
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
