package dev.provenant.web.ui;

/** A page that cannot be shown: rendered as an HTML error page with this status, never as JSON. */
class PageException extends RuntimeException {

    private final int status;
    private final String title;

    PageException(int status, String title, String message) {
        super(message);
        this.status = status;
        this.title = title;
    }

    int status() {
        return status;
    }

    String title() {
        return title;
    }
}
