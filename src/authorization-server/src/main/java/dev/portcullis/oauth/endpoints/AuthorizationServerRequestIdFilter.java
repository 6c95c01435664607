package dev.portcullis.oauth.endpoints;

import dev.portcullis.platform.web.RequestIdFilter;
import jakarta.servlet.annotation.WebFilter;

/** Registers the shared {@link RequestIdFilter} for every path of this module. */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class AuthorizationServerRequestIdFilter extends RequestIdFilter {}
