package dev.portcullis.resourceserver;

import dev.portcullis.platform.web.RequestIdFilter;
import jakarta.servlet.annotation.WebFilter;

/** Registers the shared {@link RequestIdFilter} for every path of this module. */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ResourceServerRequestIdFilter extends RequestIdFilter {}
