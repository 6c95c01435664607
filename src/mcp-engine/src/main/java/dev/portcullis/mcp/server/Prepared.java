package dev.portcullis.mcp.server;

import dev.portcullis.mcp.server.exchange.Reply;

/** The outcome of checking an incoming message: an immediate {@link Reply}, or a {@link Call} to execute. */
public sealed interface Prepared permits Prepared.Answer, Prepared.Run {

    /** Answer without running anything (202 for notifications, 4xx for rule violations). */
    record Answer(Reply reply) implements Prepared {}

    /** Run the call; stream the answer when {@link Call#streams()}. */
    record Run(Call call) implements Prepared {}
}
