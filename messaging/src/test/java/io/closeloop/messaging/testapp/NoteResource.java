package io.closeloop.messaging.testapp;

import io.closeloop.contracts.Keys;
import io.closeloop.contracts.Topics;
import io.closeloop.contracts.TouchpointRaw;
import io.closeloop.messaging.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A business write plus its event, in one transaction; {@code fail=true} rolls it back after both. */
@Path("/test/notes")
public class NoteResource {

    private final Outbox outbox;

    public NoteResource(Outbox outbox) {
        this.outbox = outbox;
    }

    @POST
    public Uni<Response> create(@QueryParam("eventId") UUID eventId, @QueryParam("fail") boolean fail) {
        TouchpointRaw touch = new TouchpointRaw("acme", eventId, "page_view", Instant.parse("2026-11-01T00:00:00Z"),
                "UTC", Instant.now(), "direct", null, Map.of(), null, null, List.of(), Map.of());
        return Panache.withTransaction(() -> Panache.getSession()
                        .chain(session -> session.createNativeQuery("insert into note (event_id, tenant) values (?1, ?2)")
                                .setParameter(1, eventId).setParameter(2, "acme").executeUpdate())
                        .chain(() -> outbox.publish(Topics.TOUCHPOINTS_RAW, Keys.raw("acme", List.of(), eventId),
                                touch, eventId))
                        .invoke(() -> {
                            if (fail) {
                                throw new IllegalStateException("failure injected after the outbox write");
                            }
                        }))
                .replaceWith(Response.accepted().build())
                .onFailure(IllegalStateException.class).recoverWithItem(Response.status(409).build());
    }
}
