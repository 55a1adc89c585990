package io.closeloop.ingest.service.request;

/** What an email click and an SMS click carry; they differ only in what the recipient is. */
public interface MessageClick extends HasEventId {

    String occurredAt();

    String timeZone();

    String campaign();

    String messageId();

    String recipient();

    String phoneRegion();

    String link();

    String source();
}
