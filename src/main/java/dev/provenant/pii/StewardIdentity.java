package dev.provenant.pii;

import dev.provenant.security.Caller;
import dev.provenant.security.CurrentCaller;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who is making a steward's change, recorded with declarations and barriers: the name of the token
 * the request was authenticated with (for the bootstrap admin token, its fixed name).
 */
@ApplicationScoped
public class StewardIdentity {

    private final CurrentCaller caller;

    public StewardIdentity(CurrentCaller caller) {
        this.caller = caller;
    }

    /** Called on the request thread, where the caller is known. */
    public String current() {
        Caller who = caller.require();
        return who.name();
    }
}
