package dev.provenant.analyst;

import java.time.OffsetDateTime;

/**
 * One query a caller ran, from their history: the ad-hoc text or the library id, the parameters as bound
 * (JSON object text), when, and how it ended ({@code ok} or the error code).
 */
public record QueryHistoryEntry(String id, String query, String libraryQuery, String parameters, OffsetDateTime ranAt,
        String outcome, long rows, long elapsedMs) {}
