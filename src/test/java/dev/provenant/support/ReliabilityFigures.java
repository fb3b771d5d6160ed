package dev.provenant.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes the figures of a reliability test to {@code target/reliability/<name>.json}, for docs to quote. */
public final class ReliabilityFigures {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReliabilityFigures() {}

    public static Path write(String name, Map<String, Object> figures) {
        try {
            Path file = Files.createDirectories(Path.of("target", "reliability")).resolve(name + ".json");
            JSON.writeValue(file.toFile(), figures);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
