package io.closeloop.ingest.service.kinds;

import io.closeloop.ingest.config.IngestConfig;
import io.closeloop.ingest.service.config.TenantContext;
import jakarta.inject.Singleton;

/** Clicks in emails; the recipient is an email address. */
@Singleton
public class EmailClickKind extends MessageClickKind {

    public EmailClickKind(RequestReaders readers, IngestConfig config) {
        super("email-clicks", "email_click", "email", readers, config);
    }

    @Override
    void recipient(IdentifierSet ids, String recipient, TenantContext context) {
        ids.email("recipient", recipient);
    }
}
