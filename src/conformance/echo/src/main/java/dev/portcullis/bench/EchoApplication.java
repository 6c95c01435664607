package dev.portcullis.bench;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The echo module's JAX-RS application. */
@ApplicationPath("/")
public class EchoApplication extends Application {}
