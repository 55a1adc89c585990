package io.closeloop.ingest.service.kinds;

import io.closeloop.ingest.config.IngestConfig;
import io.closeloop.ingest.service.config.TenantContext;
import io.closeloop.ingest.service.request.MessageClickRequest;
import jakarta.inject.Singleton;

/** Clicks in emails; the recipient is an email address. */
@Singleton
public class EmailClickKind extends MessageClickKind<MessageClickRequest> {

    public EmailClickKind(RequestReaders readers, IngestConfig config) {
        super("email-clicks", MessageClickRequest.class, "email_click", "email", readers, config);
    }

    @Override
    void recipient(IdentifierSet ids, String recipient, TenantContext context) {
        ids.email("recipient", recipient);
    }
}
