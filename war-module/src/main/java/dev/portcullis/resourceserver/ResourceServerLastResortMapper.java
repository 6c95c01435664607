package dev.portcullis.resourceserver;

import dev.portcullis.platform.web.LastResortExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Registers the shared {@link LastResortExceptionMapper} in this module's JAX-RS application. */
@Provider
public class ResourceServerLastResortMapper extends LastResortExceptionMapper {}
