package dev.provenant.security;

/**
 * Who sent a request: the token's id and name and its role. The bootstrap admin token has the id
 * {@link #BOOTSTRAP_ADMIN_ID}. Stored in the Vert.x context under {@link #CONTEXT_KEY} once the request
 * is authenticated; resources read it through {@link CurrentCaller}.
 */
public record Caller(String tokenId, String name, Role role) {

    public static final String CONTEXT_KEY = "provenant.caller";
    public static final String BOOTSTRAP_ADMIN_ID = "bootstrap-admin";

    static Caller bootstrapAdmin() {
        return new Caller(BOOTSTRAP_ADMIN_ID, "admin (provenant.auth.admin-token)", Role.ADMIN);
    }
}
