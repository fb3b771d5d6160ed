package dev.provenant.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a token may do. Roles are ordered: each one may do everything the ones before it may, so a
 * route names the weakest role it needs.
 */
public enum Role {
    /** POST lineage events, nothing else worth reading. */
    INGEST,
    /** The UI pages and the read API. */
    VIEWER,
    /** A viewer who may also run read-only Cypher. */
    ANALYST,
    /** An analyst who may also declare personal data, set barriers and overrides. */
    STEWARD,
    /** Everything, token management and the audit records included. */
    ADMIN;

    public boolean covers(Role required) {
        return compareTo(required) >= 0;
    }

    /** The role one step weaker, or empty for the weakest. */
    public Optional<Role> weaker() {
        return ordinal() == 0 ? Optional.empty() : Optional.of(values()[ordinal() - 1]);
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.name().equals(wanted)).findFirst();
    }
}
