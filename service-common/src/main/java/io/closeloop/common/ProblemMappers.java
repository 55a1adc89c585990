package io.closeloop.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure of a request into an RFC 7807 problem; the body never leaks internals. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** The Keycloak realm every service accepts tokens from. */
    static final String WITHOUT_TOKEN = "Bearer realm=\"closeloop\"";
    static final String REFUSED_TOKEN = WITHOUT_TOKEN + ", error=\"invalid_token\"";

    @ServerExceptionMapper
    public Response invalid(InvalidInputException e) {
        return Problem.response(Response.Status.BAD_REQUEST, "the request has invalid fields", e.errors());
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        return invalidJson(e);
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return invalidJson(e);
    }

    @ServerExceptionMapper
    public Response mapping(JsonMappingException e) {
        return invalidJson(e);
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr();
        return Problem.response(Response.Status.BAD_REQUEST, "the body is not valid JSON" + where,
                List.of(fieldError(e)));
    }

    private static Response invalidJson(JsonMappingException e) {
        return Problem.response(Response.Status.BAD_REQUEST, "the request has invalid fields", List.of(fieldError(e)));
    }

    /**
     * The field a JSON reading failure names, and why: an unknown field, a value of the wrong type, or
     * malformed JSON ({@code $}). Also used for the rows of a batch, where each row fails on its own.
     */
    public static FieldError fieldError(JsonProcessingException failure) {
        if (failure instanceof UnrecognizedPropertyException e) {
            String reason = CurrentTenant.CLAIM.equals(e.getPropertyName())
                    ? "the tenant comes from the access token and may not be sent in the body"
                    : "unknown field";
            return FieldError.of(path(e), reason);
        }
        if (failure instanceof MismatchedInputException e) {
            String expected = e.getTargetType() == null ? "another type" : e.getTargetType().getSimpleName();
            return FieldError.of(orRoot(path(e)), "not a valid " + expected);
        }
        if (failure instanceof JsonMappingException e) {
            return FieldError.of(orRoot(path(e)), e.getOriginalMessage() == null ? "invalid value" : e.getOriginalMessage());
        }
        return FieldError.of("$", "malformed JSON");
    }

    private static String orRoot(String field) {
        return field.isEmpty() ? "$" : field;
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return challenge(WITHOUT_TOKEN);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return challenge(REFUSED_TOKEN);
    }

    /**
     * A 401 names its scheme and realm (RFC 6750 section 3). A token refused during authentication gets the
     * challenge of quarkus-oidc's bearer mechanism ({@code Bearer}), which it sets after this mapper.
     */
    private static Response challenge(String header) {
        Response problem = Problem.response(Response.Status.UNAUTHORIZED, "a valid bearer token is required",
                List.of());
        return Response.fromResponse(problem).header("WWW-Authenticate", header).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.response(Response.Status.FORBIDDEN, "the token's roles do not allow this", List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        // The JSON body reader wraps parse errors; answer them like the unwrapped ones.
        if (e.getCause() instanceof UnrecognizedPropertyException cause) {
            return unknownField(cause);
        }
        if (e.getCause() instanceof MismatchedInputException cause) {
            return mismatched(cause);
        }
        if (e.getCause() instanceof JsonMappingException cause) {
            return mapping(cause);
        }
        if (e.getCause() instanceof JsonProcessingException cause) {
            return malformed(cause);
        }
        Response original = e.getResponse();
        Response.StatusType status = original.getStatusInfo();
        return Problem.response(status.getStatusCode(), status.getReasonPhrase(), e.getMessage(), List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("unexpected failure", e);
        return Problem.response(Response.Status.INTERNAL_SERVER_ERROR, "unexpected failure; it has been logged",
                List.of());
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
