package dev.provenant.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.provenant.web.ApiException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * The canonical form of an event: object keys sorted, no insignificant whitespace, numbers exactly as
 * sent. Two postings of the same event give the same bytes and so the same SHA-256, whatever their key
 * order or formatting. Writing it also rejects strings with unpaired UTF-16 surrogates, which no
 * UTF-8 document can carry and which the database could not store faithfully.
 */
public final class CanonicalJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private CanonicalJson() {}

    public static byte[] bytes(JsonNode node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(node, generator, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(JsonNode node, JsonGenerator out, String path) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<String> names = new ArrayList<>();
                Iterator<String> it = node.fieldNames();
                while (it.hasNext()) {
                    names.add(it.next());
                }
                names.sort(null);
                out.writeStartObject();
                for (String name : names) {
                    String childPath = JsonPaths.child(path, name);
                    requireWellFormed(name, childPath);
                    out.writeFieldName(name);
                    write(node.get(name), out, childPath);
                }
                out.writeEndObject();
            }
            case ARRAY -> {
                out.writeStartArray();
                for (int i = 0; i < node.size(); i++) {
                    write(node.get(i), out, JsonPaths.index(path, i));
                }
                out.writeEndArray();
            }
            case STRING -> {
                requireWellFormed(node.textValue(), path);
                out.writeString(node.textValue());
            }
            case NUMBER -> out.writeNumber(node.numberValue().toString());
            case BOOLEAN -> out.writeBoolean(node.booleanValue());
            case NULL -> out.writeNull();
            default -> throw ApiException.badRequest("malformed_json", "unsupported JSON value", path);
        }
    }

    private static void requireWellFormed(String text, String path) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw unpaired(path);
            }
            if (Character.isLowSurrogate(c)) {
                throw unpaired(path);
            }
        }
    }

    private static ApiException unpaired(String path) {
        return ApiException.badRequest("invalid_encoding", "string contains an unpaired UTF-16 surrogate", path);
    }
}
