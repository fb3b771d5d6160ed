package dev.provenant.web.ui;

import io.quarkus.qute.TemplateExtension;
import java.util.Locale;

/** Small helpers the templates call, checked at build time like the templates themselves. */
@TemplateExtension
public class TemplateExtensions {

    private TemplateExtensions() {}

    /** A state or kind as a CSS class suffix: {@code RAW} becomes {@code raw}. */
    static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
    }
}
