package dev.portcullis.oauth.authorize;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import java.util.Objects;

/** The user the realm logged in: the name it knows them by, and their realm groups. */
public record Caller(String subject, List<String> groups) {

    public Caller {
        Objects.requireNonNull(subject, "subject");
        groups = List.copyOf(groups);
    }

    /** The logged-in user of {@code request}, or null when nobody is logged in. */
    public static Caller of(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        return principal == null ? null : new Caller(principal.getName(), RealmGroups.of(request));
    }
}
