package org.wasmtruffle.launcher.wast;

/** The text given to {@link JsonReader} is not valid JSON; the message says what and where. */
public final class JsonSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JsonSyntaxException(String message) {
        super(message);
    }
}
