package io.closeloop.reporting.repository;

/**
 * Conversions of a period that a fallback model credited instead of the requested data-driven one, per channel,
 * campaign and currency of their lines (channel and campaign null: counted per currency over all lines).
 */
public record FallbackGroup(String channel, String campaign, String currency, String fallbackModelId,
                            long conversions) {
}
