package io.closeloop.identity.rest;

import java.util.List;

/**
 * One page of audit entries in seq order.
 *
 * @param next the value for {@code after} that reads the next page; null on the last page
 */
public record AuditPage(List<AuditEntryView> entries, Long next) {
}
