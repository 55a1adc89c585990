package io.closeloop.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** An RFC 7807 problem document; {@code errors} names each refused field. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

    public static Response response(Response.Status status, String detail, List<FieldError> errors) {
        return response(status.getStatusCode(), status.getReasonPhrase(), detail, errors);
    }

    public static Response response(int status, String title, String detail, List<FieldError> errors) {
        Problem problem = new Problem("about:blank", title, status, detail, errors);
        return Response.status(status).type(PROBLEM_JSON).entity(problem).build();
    }
}
