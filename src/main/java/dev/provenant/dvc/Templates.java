package dev.provenant.dvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DVC's {@code ${...}} templating, as far as the hook needs it: dotted and indexed look-ups
 * ({@code ${evaluate.datasets}}, {@code ${item.split}}, {@code ${list[0]}}) in params, {@code vars} and
 * the {@code item}/{@code key} of a {@code foreach} or {@code matrix}. An expression that cannot be
 * resolved is left as written rather than failing the whole pipeline.
 */
final class Templates {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\s*([^}]+?)\\s*}");
    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

    private Templates() {}

    /** The value of one expression, or a missing node. */
    static JsonNode lookup(JsonNode context, String expression) {
        JsonNode node = context;
        Matcher m = SEGMENT.matcher(expression);
        boolean any = false;
        while (m.find()) {
            any = true;
            node = m.group(1) != null ? node.path(m.group(1)) : node.path(Integer.parseInt(m.group(2)));
            if (node.isMissingNode()) {
                return MissingNode.getInstance();
            }
        }
        return any ? node : MissingNode.getInstance();
    }

    static String interpolate(String text, JsonNode context) {
        if (text == null || !text.contains("${")) {
            return text;
        }
        Matcher m = EXPRESSION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            JsonNode value = lookup(context, m.group(1));
            String replacement = value.isMissingNode() ? m.group(0)
                    : value.isValueNode() ? value.asText() : value.toString();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A value that is exactly one expression resolves to the referenced node (a list, a map); other text is interpolated. */
    static JsonNode resolve(JsonNode value, JsonNode context) {
        if (value == null || !value.isTextual()) {
            return value;
        }
        Matcher m = EXPRESSION.matcher(value.asText().trim());
        if (m.matches()) {
            JsonNode node = lookup(context, m.group(1));
            return node.isMissingNode() ? value : node;
        }
        return TextNode.valueOf(interpolate(value.asText(), context));
    }
}
