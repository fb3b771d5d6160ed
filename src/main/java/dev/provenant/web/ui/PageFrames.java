package dev.provenant.web.ui;

import dev.provenant.security.Caller;
import dev.provenant.security.CurrentCaller;
import dev.provenant.security.Role;
import dev.provenant.security.WebSessions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** The frame of the compliance and admin pages and the "generated at, by" line of the printable reports. */
@ApplicationScoped
class PageFrames {

    private final WebSessions sessions;
    private final CurrentCaller caller;

    PageFrames(WebSessions sessions, CurrentCaller caller) {
        this.sessions = sessions;
        this.caller = caller;
    }

    Views.Frame frame(String title, String apiHref, String sessionId) {
        return new Views.Frame(title, apiHref, csrf(sessionId).orElse(null), null);
    }

    /** The session's CSRF token; empty without a session (a bearer-token caller has none). */
    Optional<String> csrf(String sessionId) {
        return sessions.find(sessionId).map(WebSessions.Session::csrf);
    }

    Optional<WebSessions.Session> session(String sessionId) {
        return sessions.find(sessionId);
    }

    Role role() {
        return caller.get().map(Caller::role).orElse(null);
    }

    Caller caller() {
        return caller.require();
    }

    /** Now, and the caller who asked: every printable report says when and for whom it was made. */
    ReportViews.Generated generated(String jsonHref) {
        Caller who = caller.require();
        return new ReportViews.Generated(PagesResource.time(OffsetDateTime.now(ZoneOffset.UTC)),
                who.name(), who.role().label(), jsonHref);
    }
}
