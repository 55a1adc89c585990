package io.closeloop.ingest.service.kinds;

import io.closeloop.ingest.config.IngestConfig;
import io.closeloop.ingest.service.config.TenantContext;
import io.closeloop.ingest.service.request.SmsClickRequest;
import jakarta.inject.Singleton;

/** Clicks in SMS messages; the recipient is a phone number. */
@Singleton
public class SmsClickKind extends MessageClickKind<SmsClickRequest> {

    public SmsClickKind(RequestReaders readers, IngestConfig config) {
        super("sms-clicks", SmsClickRequest.class, "sms_click", "sms", readers, config);
    }

    @Override
    void recipient(IdentifierSet ids, String recipient, TenantContext context) {
        ids.phone("recipient", recipient);
    }
}
