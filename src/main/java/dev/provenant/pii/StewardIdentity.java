package dev.provenant.pii;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who is making a steward's change, recorded with declarations and barriers. Today every accepted
 * bearer token is the admin token, so the caller is "admin"; when tokens carry roles and names, this
 * seam answers with the caller's name and nothing else in the PII feature changes.
 */
@ApplicationScoped
public class StewardIdentity {

    public String current() {
        return "admin";
    }
}
