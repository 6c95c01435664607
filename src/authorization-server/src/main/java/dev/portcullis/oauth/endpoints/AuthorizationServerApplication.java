package dev.portcullis.oauth.endpoints;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The JAX-RS application of the authorization server's web module, whose context root is {@code /oauth}. Its
 * login is the realm's FORM login declared in web.xml; unlike the root module it names no MicroProfile JWT login,
 * so a bearer token is never a way to sign in to these pages.
 */
@ApplicationPath("/")
public class AuthorizationServerApplication extends Application {}
