package dev.portcullis.resourceserver;

import dev.portcullis.platform.web.StrictTransportSecurityFilter;
import jakarta.servlet.annotation.WebFilter;

/** Registers the shared {@link StrictTransportSecurityFilter} for every path of this module. */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ResourceServerHstsFilter extends StrictTransportSecurityFilter {}
