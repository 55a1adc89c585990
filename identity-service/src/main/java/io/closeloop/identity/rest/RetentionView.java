package io.closeloop.identity.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "How long person-level data is kept after a person's last event")
public record RetentionView(@Schema(description = "Days, 1..3650") Integer personDays) {
}
