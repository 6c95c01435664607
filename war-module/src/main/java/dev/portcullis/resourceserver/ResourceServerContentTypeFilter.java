package dev.portcullis.resourceserver;

import dev.portcullis.platform.web.MalformedContentTypeFilter;
import jakarta.servlet.annotation.WebFilter;

/** Registers the shared {@link MalformedContentTypeFilter} for every path of this module. */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ResourceServerContentTypeFilter extends MalformedContentTypeFilter {}
