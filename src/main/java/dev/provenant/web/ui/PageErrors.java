package dev.provenant.web.ui;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A page that cannot be shown is an HTML page with the status, in the layout, never a JSON error. */
public class PageErrors {

    @ServerExceptionMapper
    public Response pageError(PageException e) {
        TemplateInstance page = PagesResource.Templates.error(new Views.Frame(e.title(), null, null, null), e.status(),
                e.title(), e.getMessage());
        return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.render())
                .build();
    }
}
