package dev.provenant.security;

/** The result of authenticating a token string: a caller, or why there is none. */
public record Authentication(Caller caller, String failure) {

    static Authentication success(Caller caller) {
        return new Authentication(caller, null);
    }

    static Authentication failed(String why) {
        return new Authentication(null, why);
    }

    public boolean succeeded() {
        return caller != null;
    }
}
