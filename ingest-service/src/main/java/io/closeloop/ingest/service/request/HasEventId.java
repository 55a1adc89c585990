package io.closeloop.ingest.service.request;

import java.util.UUID;

/** A request that may carry the client's own event id (re-sending it is reported as a duplicate). */
public interface HasEventId {
    UUID eventId();
}
