package dev.portcullis.oauth.endpoints;

import dev.portcullis.platform.web.LastResortExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Registers the shared {@link LastResortExceptionMapper} in this module's JAX-RS application; the more specific
 * {@link OAuthExceptionMapper} still answers every {@code OAuthException}.
 */
@Provider
public class AuthorizationServerLastResortMapper extends LastResortExceptionMapper {}
