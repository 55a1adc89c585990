package io.closeloop.reporting.rest.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.closeloop.common.CurrentTenant;
import io.closeloop.common.FieldError;
import io.closeloop.common.InvalidInputException;
import io.closeloop.common.Problem;
import io.closeloop.common.Roles;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The dashboard's routes under {@code /dashboard}, for a browser session (the {@code web} OIDC tenant: code flow,
 * session cookie). They are plain HTTP routes rather than JAX-RS resources because the bearer API's resources
 * promise a 401 with a Bearer challenge, while a browser without a session is sent to the login page instead.
 * Every route is a GET that changes nothing, so there is no state change for a cross-site request to forge.
 */
@ApplicationScoped
public class DashboardRoutes {

    static final String PAGE = "/dashboard";
    static final String DATA = "/dashboard/data/:view";
    private static final Logger LOG = Logger.getLogger(DashboardRoutes.class);

    private final DashboardPage page;
    private final DashboardViews views;
    private final ObjectMapper json;

    public DashboardRoutes(DashboardPage page, DashboardViews views, ObjectMapper json) {
        this.page = page;
        this.views = views;
        this.json = json;
    }

    void register(@Observes Router router) {
        router.get(PAGE).handler(this::page);
        router.get(PAGE + "/").handler(rc -> rc.redirect(PAGE));
        router.get(DATA).handler(this::data);
    }

    private void page(RoutingContext rc) {
        SecurityIdentity identity = identity(rc);
        HttpServerResponse response = secured(rc.response());
        if (identity == null || !identity.hasRole(Roles.ANALYST)) {
            response.setStatusCode(403).putHeader("Content-Type", "text/html; charset=utf-8")
                    .end(page.refusal(identity == null ? null : identity.getPrincipal().getName()));
            return;
        }
        response.putHeader("Content-Type", "text/html; charset=utf-8")
                .end(page.dashboard(identity.getPrincipal().getName()));
    }

    private void data(RoutingContext rc) {
        SecurityIdentity identity = identity(rc);
        HttpServerResponse response = secured(rc.response());
        if (identity == null || !identity.hasRole(Roles.ANALYST)) {
            problem(response, 403, "Forbidden", "the dashboard's data needs the analyst role", List.of());
            return;
        }
        String tenant;
        try {
            tenant = new CurrentTenant(identity).id();
        } catch (ForbiddenException e) {
            problem(response, 403, "Forbidden", e.getMessage(), List.of());
            return;
        }
        String view = rc.pathParam("view");
        DashboardQuery query = DashboardQuery.of(rc.queryParams());
        // Hibernate Reactive sessions refuse a context not marked safe; this request owns its duplicated context.
        VertxContextSafetyToggle.setCurrentContextSafe(true);
        try {
            views.answer(view, tenant, query).subscribe().with(
                    answer -> send(response, answer),
                    failure -> fail(response, view, failure));
        } catch (RuntimeException e) {
            fail(response, view, e);
        }
    }

    private void send(HttpServerResponse response, DashboardViews.Answer answer) {
        if (answer.csv() != null) {
            response.putHeader("Content-Type", "text/csv; charset=utf-8")
                    .putHeader("Content-Disposition", "attachment; filename=\"" + answer.fileName() + "\"")
                    .end(answer.csv());
            return;
        }
        try {
            response.putHeader("Content-Type", "application/json").end(json.writeValueAsString(answer.body()));
        } catch (JsonProcessingException e) {
            fail(response, "?", e);
        }
    }

    private void fail(HttpServerResponse response, String view, Throwable failure) {
        if (failure instanceof InvalidInputException invalid) {
            problem(response, 400, "Bad Request", "a parameter is missing or invalid", invalid.errors());
        } else if (failure instanceof DashboardViews.UnknownViewException) {
            problem(response, 404, "Not Found", failure.getMessage(), List.of());
        } else {
            LOG.errorf(failure, "dashboard view %s failed", view);
            problem(response, 500, "Internal Server Error", "the view could not be computed", List.of());
        }
    }

    private void problem(HttpServerResponse response, int status, String title, String detail,
                         List<FieldError> errors) {
        if (response.ended()) {
            return;
        }
        String body;
        try {
            body = json.writeValueAsString(new Problem("about:blank", title, status, detail, errors));
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + status + "}";
        }
        response.setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body);
    }

    private static SecurityIdentity identity(RoutingContext rc) {
        return rc.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
    }

    /** The page loads scripts only from this server: nothing inline, nothing from elsewhere, never framed. */
    private static HttpServerResponse secured(HttpServerResponse response) {
        return response
                .putHeader("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self';"
                        + " img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Cache-Control", "no-store");
    }
}
