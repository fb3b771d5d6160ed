package dev.provenant.ingest;

/** Paths into a JSON document as error messages show them: {@code inputs[0].facets.schema}. */
final class JsonPaths {

    private JsonPaths() {}

    static String child(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
