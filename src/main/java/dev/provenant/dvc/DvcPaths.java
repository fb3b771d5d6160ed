package dev.provenant.dvc;

/** Paths as DVC writes them, relative to the directory of dvc.yaml. */
final class DvcPaths {

    private DvcPaths() {}

    /** Forward slashes, no leading {@code ./}, no trailing slash. */
    static String normalize(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    /** Whether {@code inner} is {@code outer} or lies below it. */
    static boolean contains(String outer, String inner) {
        return inner.equals(outer) || inner.startsWith(outer + "/");
    }

    /** Whether the path names something outside the local file system ({@code s3://...}, {@code https://...}). */
    static boolean isUrl(String path) {
        int scheme = path.indexOf("://");
        return scheme > 1 && path.substring(0, scheme).chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '+');
    }
}
