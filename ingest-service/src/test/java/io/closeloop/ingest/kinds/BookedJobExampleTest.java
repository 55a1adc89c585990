package io.closeloop.ingest.kinds;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.closeloop.infra.InfraTestResource;
import io.closeloop.ingest.service.request.BookedJobRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;

/** The booked-job example of the OpenAPI document is a request the service accepts, as documented. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "ingest"))
@TestSecurity(user = "initech-ingest", roles = "ingest")
@OidcSecurity(claims = @Claim(key = "tenant", value = Initech.TENANT))
class BookedJobExampleTest {

    @Inject
    Initech initech;

    @Test
    void theDocumentedExampleIsAccepted() {
        initech.setUp();
        String example = BookedJobRequest.class.getAnnotation(Schema.class).example();
        given().contentType(ContentType.JSON).body(example).post("/api/v1/booked-jobs")
                .then().statusCode(202).body("status", equalTo("accepted"));
    }
}
