package dev.provenant.dvc;

/** A problem with the user's input (arguments, DVC files) that the command reports in one line. */
public class DvcException extends RuntimeException {

    public DvcException(String message) {
        super(message);
    }

    public DvcException(String message, Throwable cause) {
        super(message, cause);
    }
}
