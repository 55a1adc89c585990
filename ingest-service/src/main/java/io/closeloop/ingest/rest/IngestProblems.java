package io.closeloop.ingest.rest;

import io.closeloop.common.FieldError;
import io.closeloop.common.Problem;
import io.closeloop.ingest.config.IngestConfig;
import io.closeloop.ingest.service.kinds.EventKinds;
import io.closeloop.ingest.service.write.BatchTooLargeException;
import io.closeloop.ingest.service.StoreUnavailableException;
import io.closeloop.ingest.service.upload.BodyTooLargeException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Ingest's own problem answers: body limits (413), unknown kinds (404), an unavailable store (503). */
public class IngestProblems {

    private static final Logger LOG = Logger.getLogger(IngestProblems.class);

    private final IngestConfig config;

    public IngestProblems(IngestConfig config) {
        this.config = config;
    }

    /** Refuses a body whose declared length is beyond its route's limit before a byte of it is read. */
    @ServerRequestFilter(preMatching = true)
    public Optional<Response> declaredLength(ContainerRequestContext request) {
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared == null) {
            return Optional.empty();
        }
        long limit = limit(request.getMethod(), request.getUriInfo().getPath());
        try {
            return Long.parseLong(declared.trim()) > limit ? Optional.of(tooLarge(limit)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private long limit(String method, String path) {
        if ("POST".equals(method) && path.endsWith("/batch")) {
            return config.maxBatchBytes();
        }
        if ("POST".equals(method) && path.endsWith("/uploads")) {
            return config.maxUploadBytes();
        }
        return config.maxEventBytes();
    }

    @ServerExceptionMapper
    public Response tooLarge(BodyTooLargeException e) {
        return tooLarge(e.limit());
    }

    private static Response tooLarge(long limit) {
        return Problem.response(413, "Content Too Large", "the body is larger than " + limit + " bytes"
                + " allowed here; send large data as an upload job (POST /api/v1/{kind}/uploads)",
                List.of(FieldError.of("$", "larger than " + limit + " bytes")));
    }

    @ServerExceptionMapper
    public Response tooLarge(BatchTooLargeException e) {
        return Response.status(413).type(Problem.PROBLEM_JSON).entity(BatchTooLargeProblem.of(e.limit(),
                e.progress().result(), e.progress().settledThrough())).build();
    }

    @ServerExceptionMapper
    public Response unknownKind(EventKinds.UnknownKindException e) {
        return Problem.response(Response.Status.NOT_FOUND, e.getMessage().substring("kind: ".length()),
                e.errors());
    }

    @ServerExceptionMapper
    public Response unavailable(StoreUnavailableException e) {
        return serviceUnavailable(e);
    }

    @ServerExceptionMapper
    public Response unavailable(java.sql.SQLException e) {
        return serviceUnavailable(e);
    }

    private static Response serviceUnavailable(Exception e) {
        LOG.warn("the event store is unavailable", e);
        return Problem.response(Response.Status.SERVICE_UNAVAILABLE, "the event store is unavailable; "
                + "nothing of this request was stored, send it again", List.of());
    }
}
