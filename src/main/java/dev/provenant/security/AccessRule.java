package dev.provenant.security;

import java.util.Locale;
import java.util.Set;

/**
 * One line of the route table: the methods and path pattern it covers and who may call them.
 * {@code role} null means public (no token needed). Patterns are literal paths, where a segment
 * {@code *} matches one segment and a trailing {@code /**} matches the path itself and everything
 * below it (the part before {@code /**} holds no wildcard).
 */
public record AccessRule(Set<String> methods, String pattern, Role role) {

    public boolean isPublic() {
        return role == null;
    }

    boolean matches(String method, String path) {
        String m = method.toUpperCase(Locale.ROOT);
        if (m.equals("HEAD")) {
            m = "GET";
        }
        return (methods.isEmpty() || methods.contains(m)) && pathMatches(pattern, path);
    }

    static boolean pathMatches(String pattern, String path) {
        String normalised = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (pattern.endsWith("/**")) {
            String base = pattern.substring(0, pattern.length() - 3);
            return base.isEmpty() || normalised.equals(base) || normalised.startsWith(base + "/");
        }
        String[] p = pattern.split("/", -1);
        String[] s = normalised.split("/", -1);
        if (p.length != s.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            boolean wildcard = p[i].equals("*");
            if (wildcard ? s[i].isEmpty() : !p[i].equals(s[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return (methods.isEmpty() ? "*" : String.join(",", methods)) + " " + pattern + " -> "
                + (role == null ? "public" : role.label());
    }
}
