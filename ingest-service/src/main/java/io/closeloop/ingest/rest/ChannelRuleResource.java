package io.closeloop.ingest.rest;

import io.closeloop.common.CurrentTenant;
import io.closeloop.common.Problem;
import io.closeloop.common.Roles;
import io.closeloop.ingest.service.config.ChannelRuleFields;
import io.closeloop.ingest.service.config.ChannelRuleService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The tenant's channel rules, evaluated in order before the default channel groups. */
@Path("/api/v1/channel-rules")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "SecurityScheme")
public class ChannelRuleResource {

    private final ChannelRuleService rules;
    private final CurrentTenant tenant;

    public ChannelRuleResource(ChannelRuleService rules, CurrentTenant tenant) {
        this.rules = rules;
        this.tenant = tenant;
    }

    @GET
    @Operation(summary = "The tenant's ordered channel rules")
    public ChannelRuleFields.Rules get() {
        return rules.get(tenant.id());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the ordered rules; they apply to events accepted from now on, and to accepted"
            + " touches through POST /api/v1/admin/reclassify")
    public ChannelRuleFields.Rules put(ChannelRuleFields.Rules body) {
        return rules.replace(tenant.id(), ConfigBodies.required(body));
    }
}
