package dev.portcullis.mcp.server.notifications;

/** A long-lived stream that server-initiated notifications go to: a legacy GET stream or a modern listen stream. */
interface NotificationSink {

    /** Sends the notice if this stream wants it; false when the stream is gone and should be forgotten. */
    boolean deliver(Notice notice);

    /** Ends the stream from the server side (shutdown, session end). */
    void end();
}
