package dev.portcullis.oauth.cimd;

/** A Client ID Metadata Document that could not be fetched or is not acceptable; the message says why. */
public final class MetadataDocumentException extends Exception {

    private static final long serialVersionUID = 1L;

    public MetadataDocumentException(String message) {
        super(message, null, false, false);
    }
}
