package io.closeloop.ingest.domain;

import io.closeloop.contracts.TouchVersions;
import io.closeloop.contracts.TouchpointRaw;
import io.closeloop.contracts.Utm;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Re-derives a stored touch's source, medium and channel with the current rules ({@link TouchClassifier}), and
 * names the new version's message. A touch keeps its id (the payload's {@code eventId}, which identity and
 * attribution key touches by); its new version travels under a message id derived from that id and the
 * classification revision, so a consumer processes it once, and running the same reclassification again
 * changes nothing.
 *
 * <p>Touches accepted before the origins were recorded ({@code channel_origin} absent) are read as follows: a
 * call to a known tracking number and a valid code whose channel is not the kind's own keep their mapped
 * channel; a web touch whose channel neither the UTM-only grouping (with or without the current rules) nor the
 * kind explains was named by its request and keeps it.
 */
public final class Reclassification {

    /** Names the derivation itself; change it when {@link TrafficSource} or the default groups change meaning. */
    static final String CLASSIFIER_VERSION = "ga4-source-categories-2026-12";

    private static final Set<String> WEB_KINDS = Set.of("ad_click", "page_view", "form");

    private Reclassification() {
    }

    /** A short text naming the classification: the derivation's version and the tenant's rules. */
    public static String revision(ChannelOverrides rules) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((CLASSIFIER_VERSION + "\n" + rules.revision()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The message id of a touch's version under a revision: name-based, so a re-run repeats it. */
    public static UUID messageId(UUID touchId, String revision) {
        return TouchVersions.messageId(touchId, revision);
    }

    /** The touch's new version when its channel, source or medium change under {@code rules}; else empty. */
    public static Optional<TouchpointRaw> reclassify(TouchpointRaw touch, ChannelOverrides rules, String revision) {
        Map<String, String> attributes = touch.attributes() == null ? Map.of() : touch.attributes();
        Utm stored = touch.utm() == null ? new Utm(null, null, null, null, null) : touch.utm();
        Map<String, String> clickIds = touch.clickIds() == null ? Map.of() : touch.clickIds();
        String sourceOrigin = attributes.get(TouchClassifier.SOURCE_ORIGIN);
        boolean web = sourceOrigin != null || (WEB_KINDS.contains(touch.touchType()) && !isOffline(attributes));
        Utm utm = sourceOrigin != null && !sourceOrigin.equals(TrafficSource.Origin.UTM.id())
                ? new Utm(null, null, stored.campaign(), stored.term(), stored.content()) : stored;
        String kindChannel = kindChannel(touch.touchType(), attributes);
        String fixedOrigin = fixedOrigin(touch, attributes, stored, kindChannel, web, rules);
        TouchClassifier.Result result = TouchClassifier.classify(new TouchClassifier.Facts(touch.touchType(), utm,
                clickIds.keySet(), touch.referrer(), touch.landingPage(), web,
                fixedOrigin == null ? null : touch.channel(), fixedOrigin, kindChannel), rules);
        if (Objects.equals(result.channel(), touch.channel())
                && Objects.equals(result.utm().source(), stored.source())
                && Objects.equals(result.utm().medium(), stored.medium())) {
            return Optional.empty();
        }
        Map<String, String> updated = new LinkedHashMap<>(attributes);
        updated.putAll(result.attributes());
        // Identity derives the resolved version's message id from it, the same way ingest did.
        updated.put(TouchVersions.REVISION_ATTRIBUTE, revision);
        return Optional.of(new TouchpointRaw(touch.tenant(), touch.eventId(), touch.touchType(), touch.occurredAt(),
                touch.sourceZone(), touch.receivedAt(), result.channel(), result.utm(), touch.clickIds(),
                touch.landingPage(), touch.referrer(), touch.identifiers(), touch.exportHashes(), Map.copyOf(updated),
                touch.matchFeatures()));
    }

    /** The kind's own channel, recognised by the details only that kind records. */
    static String kindChannel(String touchType, Map<String, String> attributes) {
        return switch (touchType) {
            case "badge_scan" -> attributes.containsKey("event") ? ChannelGrouping.EVENTS : null;
            case "call" -> attributes.containsKey("tracking_number") ? ChannelGrouping.PHONE : null;
            case "qr_scan" -> attributes.containsKey("code") ? ChannelGrouping.QR_PRINT : null;
            case "promo" -> attributes.containsKey("code") ? ChannelGrouping.OFFLINE : null;
            default -> null;
        };
    }

    private static boolean isOffline(Map<String, String> attributes) {
        return attributes.containsKey("tracking_number") || attributes.containsKey("code")
                || attributes.containsKey("event");
    }

    /** request or mapping when the stored channel is fixed; null when the rules decide. */
    private static String fixedOrigin(TouchpointRaw touch, Map<String, String> attributes, Utm stored,
                                      String kindChannel, boolean web, ChannelOverrides rules) {
        String origin = attributes.get(ChannelGrouping.ORIGIN_ATTRIBUTE);
        if (origin != null) {
            return origin.equals(ChannelGrouping.ORIGIN_REQUEST) || origin.equals(ChannelGrouping.ORIGIN_MAPPING)
                    ? origin : null;
        }
        if ("known".equals(attributes.get("tracking_number_status"))) {
            return ChannelGrouping.ORIGIN_MAPPING;
        }
        if ("valid".equals(attributes.get("code_status")) && !Objects.equals(touch.channel(), kindChannel)) {
            return ChannelGrouping.ORIGIN_MAPPING;
        }
        if (web && !Objects.equals(touch.channel(), kindChannel)
                && !touch.channel().equals(ChannelGrouping.channelOf(stored.source(), stored.medium(),
                        stored.campaign()))
                && !touch.channel().equals(ChannelGrouping.channelOf(stored.source(), stored.medium(),
                        stored.campaign(), rules))) {
            return ChannelGrouping.ORIGIN_REQUEST;
        }
        return null;
    }
}
