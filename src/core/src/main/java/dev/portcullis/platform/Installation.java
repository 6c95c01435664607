package dev.portcullis.platform;

import java.time.Instant;

/** A snapshot of the installation record: which database this is and how often the application started on it. */
public record Installation(String id, Instant createdAt, long startCount) {}
