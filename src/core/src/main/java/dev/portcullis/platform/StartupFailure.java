package dev.portcullis.platform;

/**
 * A start-up problem that the operator fixes through configuration. It carries no stack trace on purpose:
 * the container prints it as one line, and that line names the setting to change.
 */
public final class StartupFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StartupFailure(String message) {
        super(message, null, false, false);
    }

    @Override
    public String toString() {
        return "Portcullis cannot start: " + getMessage();
    }
}
