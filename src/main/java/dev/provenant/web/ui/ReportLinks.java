package dev.provenant.web.ui;

import io.quarkus.qute.TemplateExtension;

/**
 * Links from the catalogue pages to the compliance reports, as template extensions so that the pages' view
 * models stay as they are.
 */
@TemplateExtension
public class ReportLinks {

    private ReportLinks() {}

    static String documentationHref(Views.ModelPage page) {
        return CompliancePagesResource.documentation(page.namespace(), page.name());
    }

    static String documentationHref(Views.DatasetPage page) {
        return CompliancePagesResource.documentation(page.namespace(), page.name());
    }

    static String erasureImpactHref(Views.DatasetPage page) {
        return erasureImpact(page.namespace(), page.name(), null);
    }

    static String recordHref(Views.PiiCategoryRow row) {
        return Links.url("/compliance/processing-record", "category", row.category());
    }

    /** The printable report of the erasure impact the PII page shows; null when it shows none. */
    static String erasureReportHref(Views.PiiPage page) {
        if (page.erasureNamespace() == null || page.erasureNamespace().isBlank() || page.erasureName() == null
                || page.erasureName().isBlank()) {
            return null;
        }
        return erasureImpact(page.erasureNamespace(), page.erasureName(), page.erasureField());
    }

    static String erasureImpact(String namespace, String name, String field) {
        return Links.url("/compliance/erasure-impact", "namespace", namespace, "name", name, "field", field);
    }
}
