package dev.provenant.security;

import java.time.OffsetDateTime;

/** A token as listed to admins: never its secret or hash. */
public record TokenInfo(String id, String name, String role, OffsetDateTime createdAt, String createdBy,
        OffsetDateTime expiresAt, OffsetDateTime revokedAt, String revokedBy, String state) {}
