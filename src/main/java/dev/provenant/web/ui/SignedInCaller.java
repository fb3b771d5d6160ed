package dev.provenant.web.ui;

import dev.provenant.security.Caller;
import dev.provenant.security.CurrentCaller;
import dev.provenant.security.Role;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.qute.TemplateGlobal;
import java.util.Optional;

/**
 * Who is looking at a page, for the layout's navigation: {@code {#if signedIn.atLeast('analyst')}}. A template
 * global rather than a field of every page's frame, so that pages need not pass it along; empty (no role) on
 * public pages such as sign-in.
 */
public record SignedInCaller(Role role) {

    @TemplateGlobal(name = "signedIn")
    static SignedInCaller current() {
        ArcContainer container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return new SignedInCaller(null);
        }
        Optional<Caller> caller = container.instance(CurrentCaller.class).get().get();
        return new SignedInCaller(caller.map(Caller::role).orElse(null));
    }

    /** Whether the caller's role is this one (e.g. {@code analyst}) or stronger. */
    public boolean atLeast(String role) {
        return this.role != null && Role.parse(role).map(this.role::covers).orElse(false);
    }
}
