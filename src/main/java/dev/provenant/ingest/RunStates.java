package dev.provenant.ingest;

/**
 * Ranks run states so that the final state does not depend on the order events arrive in: a terminal
 * state (COMPLETE, FAIL, ABORT) beats RUNNING, which beats START, which beats OTHER or no type.
 */
public final class RunStates {

    public static final int TERMINAL = 3;

    private RunStates() {}

    public static int rank(String eventType) {
        if (eventType == null) {
            return 0;
        }
        return switch (eventType) {
            case "COMPLETE", "FAIL", "ABORT" -> TERMINAL;
            case "RUNNING" -> 2;
            case "START" -> 1;
            default -> 0;
        };
    }
}
