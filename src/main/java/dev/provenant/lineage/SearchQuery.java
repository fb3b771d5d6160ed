package dev.provenant.lineage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns what a user typed into a Lucene query for the {@code entity_names} index. Names are indexed split
 * into their parts (schema V014), so the query is split the same way: every part must match, the last one
 * also as a prefix (the user may still be typing). Only letters and digits survive the split and every term
 * is escaped and lower-cased, so no input can inject Lucene syntax or operators (AND, OR, NOT).
 */
final class SearchQuery {

    /** More parts than any real name has; bounds the query's cost. */
    static final int MAX_TERMS = 16;

    private static final String LUCENE_SPECIAL = "+-&|!(){}[]^\"~*?:\\/";

    private SearchQuery() {}

    /** The Lucene query, or null when the text holds no letter or digit. */
    static String lucene(String text) {
        List<String> terms = terms(text);
        if (terms.isEmpty()) {
            return null;
        }
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < terms.size(); i++) {
            String term = escape(terms.get(i));
            if (i > 0) {
                query.append(" AND ");
            }
            query.append(i == terms.size() - 1 ? "(" + term + " OR " + term + "*)" : term);
        }
        return query.toString();
    }

    static List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        if (text == null) {
            return terms;
        }
        StringBuilder current = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c)) {
                current.appendCodePoint(c);
            } else if (!current.isEmpty()) {
                terms.add(current.toString().toLowerCase(Locale.ROOT));
                current.setLength(0);
            }
        });
        if (!current.isEmpty()) {
            terms.add(current.toString().toLowerCase(Locale.ROOT));
        }
        return terms.size() > MAX_TERMS ? terms.subList(0, MAX_TERMS) : terms;
    }

    static String escape(String term) {
        StringBuilder escaped = new StringBuilder();
        term.codePoints().forEach(c -> {
            if (c < 128 && LUCENE_SPECIAL.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.appendCodePoint(c);
        });
        return escaped.toString();
    }
}
