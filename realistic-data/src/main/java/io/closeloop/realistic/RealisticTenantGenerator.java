package io.closeloop.realistic;

import io.closeloop.contracts.ConversionChange;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A seeded, deterministic generator of a realistic tenant ({@code initech}): US and UK contacts over about four
 * and a half months, sent to ingest as its HTTP API accepts them. The same seed and size give byte-for-byte the
 * same requests and truth.
 *
 * <p>Cases (each counted in {@link RealisticTenant#mix()}): anonymous device-only page views before the form fill
 * that links the device to an email; shared household devices (two people, two emails, one device); tracked calls
 * from known phones written in another notation than the one the person gave ({@code (415) 555-0123},
 * {@code +1 415 555 0123}, {@code 020 7946 0958} with {@code phoneRegion: GB}, {@code +44 20 7946 0958}); badge
 * scans; page views with UTM fields, with only a gclid, with only a search-engine referrer, with no referrer;
 * CRM deals moving new → qualified (with an estimate) → won / lost / still open, some won then lost; late CRM
 * records (sent after everything else); value corrections after the close ({@code change: value_changed}), won
 * records re-sent at the same close time with a new value and a later {@code sourceUpdatedAt}, two corrections
 * arriving in reverse source order; partial and full refunds ({@code change: refund}) of orders and store sales;
 * USD, GBP and EUR values with FX rates (November's entered late); consent granted late, revoked, denied; devices
 * that never identify.
 *
 * <p>{@link #generateSample} adds the sample tenant's marketing story on top ({@code SAMPLE.md} next to this
 * module tells it): visits lean towards the channel that drives the person's outcome (LinkedIn ABM for deals,
 * Google search for online orders, Facebook retargeting for the rest), newsletter clicks shortly before some online
 * orders, promo codes redeemed at the till before store sales, QR codes scanned from UK posters, and daily spend
 * per campaign in USD and GBP. Without it the generator's output is unchanged.
 */
public final class RealisticTenantGenerator {

    /** The default seed of the end-to-end test. */
    public static final long DEFAULT_SEED = 20261202L;
    /** The default size: a few hundred contacts, so that the end-to-end test stays fast. */
    public static final int DEFAULT_CONTACTS = 300;
    /** The seed of the sample tenant {@code ./closeloop up} loads. */
    public static final long SAMPLE_SEED = 20261203L;
    /** The sample tenant's size: a few thousand journeys (contacts plus devices that never identify). */
    public static final int SAMPLE_CONTACTS = 2000;

    static final Instant START = Instant.parse("2026-07-01T00:00:00Z");
    static final int START_SPREAD_DAYS = 110;
    /** No event happens at or after this instant. */
    static final Instant CAP = Instant.parse("2026-11-28T00:00:00Z");
    static final String SITE = "https://" + Channels.SITE_HOST;

    static final String DEAL = "deal";
    static final String STORE_SALE = "store_sale";
    static final String ORDER = "order";
    static final Map<String, Truth.ConversionTypeRule> TYPES = Map.of(
            DEAL, new Truth.ConversionTypeRule(DEAL, 60, Set.of("won")),
            STORE_SALE, new Truth.ConversionTypeRule(STORE_SALE, 30, Set.of()),
            ORDER, new Truth.ConversionTypeRule(ORDER, 90, Set.of()));

    /** Tracking numbers: E.164 → pool, source, medium, campaign, channel. */
    static final Map<String, String[]> TRACKING = new LinkedHashMap<>();
    static final String US_RADIO = "+14155550100";
    static final String US_CALL_EXT = "+14155550101";
    static final String UK_PRINT = "+442079460001";

    static {
        TRACKING.put(US_RADIO, new String[]{"radio_fall", "radio", "phone", "radio_fall", "phone"});
        TRACKING.put(US_CALL_EXT, new String[]{"google_call_ext", "google", "cpc", "call_extensions", "paid_search"});
        TRACKING.put(UK_PRINT, new String[]{"uk_print", "print", "phone", "uk_print", "phone"});
    }

    /** UTM source, medium, campaign of tagged visits. */
    static final String[][] UTM = {
        {"google", "cpc", "brand_search"}, {"google", "cpc", "generic_search"}, {"bing", "cpc", "bing_search"},
        {"facebook", "paid_social", "retargeting_q3"}, {"linkedin", "paid_social", "abm_q4"},
        {"newsletter", "email", "monthly_news"}, {"dv360", "display", "awareness_fall"},
        {"partner_blog", "referral", "partner_feature"}};
    static final String[] SEARCH_REFERRERS = {"https://www.google.com/", "https://www.google.co.uk/",
        "https://www.bing.com/search?q=initech", "https://duckduckgo.com/"};
    static final String[] PAGES = {"/", "/pricing", "/product", "/blog/attribution-101", "/customers", "/demo"};
    static final String[] US_AREAS = {"415", "212", "646", "312", "617", "206", "305", "713", "404", "503", "702",
        "303", "512", "615"};
    static final String[] UK_PREFIXES = {"20 7946 ", "161 496 ", "113 496 ", "117 496 "};
    static final String[][] FX = {
        {"2026-06-01", "1.2712", "1.0843"}, {"2026-07-01", "1.2655", "1.0791"}, {"2026-08-01", "1.2804", "1.0915"},
        {"2026-09-01", "1.2590", "1.0768"}, {"2026-10-01", "1.2733", "1.0822"}, {"2026-11-01", "1.2688", "1.0877"}};

    /** Promo and QR codes of the story: code → channel, source, medium, campaign. */
    static final Map<String, String[]> CODES = new LinkedHashMap<>();
    static final String US_PROMO = "FALL20";
    static final String UK_PROMO = "AUTUMN15";
    static final String UK_POSTER = "LDN-POSTER";

    static {
        CODES.put(US_PROMO, new String[]{"offline", "store", "promo", "fall_instore"});
        CODES.put(UK_PROMO, new String[]{"offline", "store", "promo", "autumn_instore"});
        CODES.put(UK_POSTER, new String[]{"qr_print", "poster", "print", "london_posters"});
    }

    /**
     * Daily spend of the story per 300 contacts: channel, source, medium, campaign, currency, major units a day.
     * Events are paid once, on the day the show opens (below).
     */
    static final String[][] DAILY_SPEND = {
        {"paid_search", "google", "cpc", "brand_search", "USD", "160"},
        {"paid_search", "google", "cpc", "generic_search", "USD", "420"},
        {"paid_search", "bing", "cpc", "bing_search", "USD", "60"},
        {"paid_social", "facebook", "paid_social", "retargeting_q3", "USD", "150"},
        {"paid_social", "linkedin", "paid_social", "abm_q4", "GBP", "380"},
        {"display", "dv360", "display", "awareness_fall", "USD", "550"},
        {"email", "newsletter", "email", "monthly_news", "USD", "25"},
        {"qr_print", "poster", "print", "london_posters", "GBP", "90"},
        {"phone", "radio", "phone", "radio_fall", "USD", "140"},
        {"phone", "print", "phone", "uk_print", "GBP", "45"}};
    static final String[][] EVENT_SPEND = {
        {"2026-09-09", "events", "saastr_2026", "USD", "42000"},
        {"2026-10-14", "events", "b2b_expo_london_2026", "GBP", "26000"}};

    enum Consent { GRANTED, GRANTED_LATE, REVOKED, DENIED }

    private final Random rnd;
    private final int contacts;
    private final boolean story;
    private final List<Pending> pending = new ArrayList<>();
    private final List<Truth.Touch> touches = new ArrayList<>();
    private final List<Truth.ConsentSignal> consents = new ArrayList<>();
    private final Map<String, Integer> mix = new TreeMap<>();
    private final Map<String, Set<Instant>> usedInstants = new HashMap<>();
    private int usIndex;
    private int ukIndex;

    private RealisticTenantGenerator(long seed, int contacts, boolean story) {
        if (contacts < 20) {
            throw new IllegalArgumentException("at least 20 contacts, so that every case occurs");
        }
        this.rnd = new Random(seed);
        this.contacts = contacts;
        this.story = story;
    }

    /** The default tenant. */
    public static RealisticTenant generate() {
        return generate(DEFAULT_SEED, DEFAULT_CONTACTS);
    }

    public static RealisticTenant generate(long seed, int contacts) {
        return new RealisticTenantGenerator(seed, contacts, false).build();
    }

    /** The sample tenant of the local platform. */
    public static RealisticTenant generateSample() {
        return generateSample(SAMPLE_SEED, SAMPLE_CONTACTS);
    }

    /** A tenant with the sample's story (see the class documentation); deterministic like {@link #generate}. */
    public static RealisticTenant generateSample(long seed, int contacts) {
        return new RealisticTenantGenerator(seed, contacts, true).build();
    }

    static Consent consentProfile(int i) {
        return switch (i % 20) {
            case 0 -> Consent.DENIED;
            case 1 -> Consent.GRANTED_LATE;
            case 2 -> Consent.REVOKED;
            default -> Consent.GRANTED;
        };
    }

    static boolean sharesDeviceWithNext(int i, int contacts) {
        return i % 25 == 3 && i + 1 < contacts && consentProfile(i) == Consent.GRANTED
                && consentProfile(i + 1) == Consent.GRANTED;
    }

    private RealisticTenant build() {
        Person previous = null;
        for (int i = 0; i < contacts; i++) {
            Person p = person(i);
            if (sharesDeviceWithNext(i, contacts)) {
                p.shared = true;
            }
            if (previous != null && sharesDeviceWithNext(i - 1, contacts)) {
                p.device = previous.device;
                p.shared = true;
                previous.shared = true;
                p.notBefore = previous.formAt.plus(Duration.ofDays(1 + rnd.nextInt(5)));
                count("shared_devices");
            }
            journey(p);
            previous = p;
        }
        for (int d = 0; d < contacts / 5; d++) {
            String device = "dev-" + uuid();
            int visits = 1 + rnd.nextInt(3);
            for (int k = 0; k < visits; k++) {
                Instant at = START.plusSeconds(rnd.nextLong(Duration.between(START, CAP).getSeconds() - 86_400));
                visit(null, at, device, null);
            }
            count("devices_never_identified");
        }
        return assemble();
    }

    // ---------------------------------------------------------------------------------------------- persons

    private static final class Person {
        int index;
        String id;
        boolean us;
        Consent consent;
        String email;
        String formEmail;
        String crmEmail;
        String phoneNational;
        String phoneInternational;
        String formPhone;
        String otherPhone;
        String device;
        String contactId;
        boolean shared;
        Instant notBefore;
        Instant formAt;
    }

    private Person person(int i) {
        Person p = new Person();
        p.index = i;
        p.id = String.format("P-%05d", i);
        p.us = i % 5 < 3;
        count(p.us ? "contacts_us" : "contacts_uk");
        p.consent = consentProfile(i);
        count("consent_" + p.consent.name().toLowerCase());
        String local = String.format("contact%05d", i);
        p.email = local + "@" + (p.us ? "example.com" : "example.co.uk");
        p.formEmail = "Contact" + String.format("%05d", i) + "@" + (p.us ? "Example.com" : "Example.co.uk");
        p.crmEmail = " " + p.email.toUpperCase() + " ";
        p.device = "dev-" + uuid();
        p.contactId = String.format("C-%05d", i);
        int notation = i % 4;
        if (notation != 3) {
            if (p.us) {
                int n = usIndex++;
                if (n < US_AREAS.length * 90) {
                    String area = US_AREAS[n / 90];
                    String line = String.format("01%02d", 10 + n % 90);
                    p.phoneNational = "(" + area + ") 555-" + line;
                    p.phoneInternational = "+1 " + area + " 555 " + line;
                }
            } else {
                int n = ukIndex++;
                if (n < UK_PREFIXES.length * 990) {
                    String prefix = UK_PREFIXES[n / 990];
                    String line = String.format("%04d", 10 + n % 990);
                    p.phoneNational = "0" + prefix + line;
                    p.phoneInternational = "+44 " + prefix + line;
                }
            }
        }
        if (p.phoneNational != null) {
            p.formPhone = notation == 1 ? p.phoneInternational : p.phoneNational;
            p.otherPhone = notation == 0 ? p.phoneInternational : p.phoneNational;
            for (String used : new java.util.TreeSet<>(List.of(p.formPhone, p.otherPhone))) {
                count("phone_" + (p.us ? "us" : "uk") + (used.startsWith("+") ? "_international" : "_national"));
            }
        }
        return p;
    }

    private void journey(Person p) {
        Instant t0 = p.notBefore != null ? p.notBefore
                : START.plus(Duration.ofDays(rnd.nextInt(START_SPREAD_DAYS))).plusSeconds(rnd.nextInt(86_400));
        boolean startsGranted = p.consent == Consent.GRANTED || p.consent == Consent.REVOKED;
        consent(p, t0.minus(Duration.ofHours(2)), startsGranted);

        // Anonymous, device-only visits before the form fill.
        int anonymous = p.shared && p.notBefore != null ? 0 : rnd.nextInt(4);
        if (p.consent == Consent.GRANTED_LATE) {
            anonymous = Math.max(2, anonymous);
        }
        Instant t = t0;
        int deniedVisits = p.consent == Consent.GRANTED_LATE ? (anonymous + 1) / 2 : 0;
        for (int k = 0; k < anonymous; k++) {
            t = t.plus(between(Duration.ofHours(6), Duration.ofDays(3)));
            visit(p, t, p.device, null);
            count("anonymous_visits_before_form");
            if (k + 1 == deniedVisits) {
                t = t.plus(between(Duration.ofHours(2), Duration.ofDays(1)));
                consent(p, t, true);
            }
        }
        p.formAt = t.plus(between(Duration.ofHours(2), Duration.ofDays(3)));
        form(p, p.formAt);

        switch (p.consent) {
            case REVOKED -> revokedJourney(p);
            case DENIED -> {
                postFormVisits(p, 1 + rnd.nextInt(3), Duration.ofDays(30));
                order(p, p.formAt.plus(between(Duration.ofDays(1), Duration.ofDays(30))), false);
            }
            default -> {
                postFormVisits(p, 1 + rnd.nextInt(4), Duration.ofDays(50));
                if (p.otherPhone != null && p.index % 3 == 0) {
                    int calls = 1 + rnd.nextInt(2);
                    for (int c = 0; c < calls; c++) {
                        call(p, p.formAt.plus(between(Duration.ofHours(1), Duration.ofDays(40))));
                    }
                }
                if (p.index % 7 == 0) {
                    badge(p, p.formAt.plus(between(Duration.ofDays(1), Duration.ofDays(40))));
                }
                if (story && !p.us && p.index % 4 == 1) {
                    code(p, UK_POSTER, p.formAt.plus(between(Duration.ofHours(2), Duration.ofDays(20))));
                }
                if (p.index % 2 == 0) {
                    deal(p);
                }
                if (p.index % 3 == 1) {
                    order(p, p.formAt.plus(between(Duration.ofHours(1), Duration.ofDays(45))), true);
                }
                if (p.index % 5 == 2) {
                    storeSale(p, p.formAt.plus(between(Duration.ofDays(1), Duration.ofDays(60))), true);
                }
            }
        }
    }

    private void postFormVisits(Person p, int visits, Duration within) {
        for (int k = 0; k < visits; k++) {
            Instant at = p.formAt.plus(between(Duration.ofHours(1), within));
            // On a shared device both people are logged in (email and device); alone the tag sends the device.
            if (visit(p, at, p.device, p.shared ? p.formEmail : null)) {
                count(p.shared ? "visits_shared_device_logged_in" : "visits_device_only_after_form");
            }
        }
    }

    /**
     * Granted, converts (an order, never late), revokes, comes back (touches after the revocation), and buys in a
     * store more than the store sale's lookback after the revocation: that sale counts, unattributed, under any
     * reading of "a withdrawal stops later use".
     */
    private void revokedJourney(Person p) {
        Instant orderAt = p.formAt.plus(between(Duration.ofDays(2), Duration.ofDays(6)));
        postFormVisitsBefore(p, orderAt);
        order(p, orderAt, false);
        Instant revokedAt = orderAt.plus(between(Duration.ofDays(2), Duration.ofDays(5)));
        consent(p, revokedAt, false);
        Instant saleAt = revokedAt.plus(between(Duration.ofDays(31), Duration.ofDays(40)));
        for (int k = 0; k < 2; k++) {
            Instant at = saleAt.minus(between(Duration.ofDays(1), Duration.ofDays(25)));
            if (visit(p, at, p.device, null)) {
                count("visits_after_revocation");
            }
        }
        if (saleAt.isBefore(CAP.minus(Duration.ofDays(5)))) {
            storeSale(p, saleAt, false);
            count("store_sales_after_revocation");
        }
    }

    private void postFormVisitsBefore(Person p, Instant before) {
        long span = Duration.between(p.formAt, before).getSeconds();
        for (int k = 0; k < 2; k++) {
            visit(p, p.formAt.plusSeconds(60 + rnd.nextLong(span - 120)), p.device, null);
            count("visits_device_only_after_form");
        }
    }

    // ---------------------------------------------------------------------------------------------- touches

    private boolean visit(Person p, Instant at, String device, String email) {
        if (!at.isBefore(CAP)) {
            return false;
        }
        at = unique(p == null ? device : p.id, at);
        UUID eventId = uuid();
        String page = SITE + PAGES[rnd.nextInt(PAGES.length)];
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", eventId.toString());
        body.put("type", "page_view");
        body.put("occurredAt", at.toString());
        if (device != null) {
            body.put("anonymousId", device);
        }
        if (email != null) {
            body.put("email", email);
        }
        String utmSource = null;
        String utmMedium = null;
        String utmCampaign = null;
        boolean gclid = false;
        String referrer = null;
        int r = rnd.nextInt(100);
        if (r < 38) {
            String[] utm = story && p != null ? storyUtm(p) : UTM[rnd.nextInt(UTM.length)];
            utmSource = utm[0];
            utmMedium = utm[1];
            utmCampaign = utm[2];
            String query = "?utm_source=" + utm[0] + "&utm_medium=" + utm[1] + "&utm_campaign=" + utm[2];
            if (rnd.nextBoolean()) {
                body.put("utm", Map.of("source", utm[0], "medium", utm[1], "campaign", utm[2]));
                body.put("landingPage", page);
            } else {
                body.put("landingPage", page + query);
            }
            if (utm[0].equals("google") && rnd.nextBoolean()) {
                referrer = "https://www.google.com/";
            }
            count("visits_utm");
        } else if (r < 50) {
            gclid = true;
            String id = "Cj0KCQ" + Long.toString(rnd.nextLong() & Long.MAX_VALUE, 36);
            body.put("landingPage", page + "?gclid=" + id);
            body.put("clickIds", Map.of("gclid", id));
            if (rnd.nextBoolean()) {
                referrer = "https://www.google.com/";
            }
            count("visits_gclid_only");
        } else if (r < 72) {
            referrer = SEARCH_REFERRERS[rnd.nextInt(SEARCH_REFERRERS.length)];
            body.put("landingPage", page);
            count("visits_search_referrer");
        } else {
            body.put("landingPage", page);
            count("visits_direct");
        }
        if (referrer != null) {
            body.put("referrer", referrer);
        }
        touches.add(new Truth.Touch(eventId, p == null ? null : p.id, at, "page_view", utmSource, utmMedium,
                utmCampaign, gclid, referrer, null, null, device));
        send(at, minutes(0, 30), "/api/v1/touchpoints", body, false, "page_view", null);
        return true;
    }

    /**
     * The story's tagged visits: more than half from the campaign that drives the person's outcome — LinkedIn ABM
     * for deal prospects, Google search for online buyers, Facebook retargeting for everyone else.
     */
    private String[] storyUtm(Person p) {
        if (rnd.nextInt(100) >= 55) {
            return UTM[rnd.nextInt(UTM.length)];
        }
        if (p.index % 2 == 0) {
            return UTM[4];
        }
        if (p.index % 3 == 1) {
            return UTM[rnd.nextInt(2)];
        }
        return UTM[3];
    }

    /** A newsletter click (email-clicks), the recipient being the person's address. */
    private void emailClick(Person p, Instant at) {
        at = unique(p.id, at);
        UUID eventId = uuid();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", eventId.toString());
        body.put("occurredAt", at.toString());
        body.put("campaign", "monthly_news");
        body.put("source", "newsletter");
        body.put("messageId", "news-" + LocalDate.ofInstant(at, ZoneOffset.UTC).withDayOfMonth(1));
        body.put("recipient", p.email);
        body.put("link", SITE + "/pricing");
        touches.add(new Truth.Touch(eventId, p.id, at, "email_click", "newsletter", "email", "monthly_news", false,
                null, null, null, null));
        send(at, minutes(0, 20), "/api/v1/email-clicks", body, false, "email_click", null);
        count("email_clicks");
    }

    /** A QR scan or promo redemption of one of {@link #CODES}, by the person's email. */
    private void code(Person p, String code, Instant at) {
        if (!at.isBefore(CAP)) {
            return;
        }
        at = unique(p.id, at);
        UUID eventId = uuid();
        String[] mapping = CODES.get(code);
        boolean qr = "qr_print".equals(mapping[0]);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", eventId.toString());
        body.put("occurredAt", at.toString());
        body.put("code", qr ? code : code.toLowerCase(java.util.Locale.ROOT));
        body.put("email", p.email);
        body.put("location", qr ? "tube-poster" : p.us ? "sf-1" : "london-1");
        touches.add(new Truth.Touch(eventId, p.id, at, qr ? "qr_scan" : "promo", null, null, null, false, null,
                mapping[0], mapping[3], null));
        send(at, minutes(0, qr ? 10 : 5), qr ? "/api/v1/qr-scans" : "/api/v1/promo-redemptions", body, false,
                qr ? "qr_scan" : "promo_redemption", null);
        count(qr ? "qr_scans" : "promo_redemptions");
    }

    private void form(Person p, Instant at) {
        at = unique(p.id, at);
        UUID eventId = uuid();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", eventId.toString());
        body.put("occurredAt", at.toString());
        body.put("formName", "demo-request");
        String[] utm = null;
        if (rnd.nextInt(10) < 3) {
            utm = UTM[rnd.nextInt(UTM.length)];
            body.put("page", SITE + "/demo?utm_source=" + utm[0] + "&utm_medium=" + utm[1] + "&utm_campaign="
                    + utm[2]);
        } else {
            body.put("page", SITE + "/demo");
        }
        String referrer = rnd.nextBoolean() ? SITE + "/pricing" : null;
        if (referrer != null) {
            body.put("referrer", referrer);
        }
        body.put("anonymousId", p.device);
        body.put("email", p.formEmail);
        if (p.formPhone != null) {
            body.put("phone", p.formPhone);
            if (!p.us && p.formPhone.startsWith("0")) {
                body.put("phoneRegion", "GB");
            }
        }
        body.put("firstName", "Contact");
        body.put("lastName", "N" + p.index);
        body.put("company", "Company " + (p.index % 37));
        touches.add(new Truth.Touch(eventId, p.id, at, "form", utm == null ? null : utm[0],
                utm == null ? null : utm[1], utm == null ? null : utm[2], false, referrer, null, null, p.device));
        send(at, minutes(0, 10), "/api/v1/forms", body, false, "form", null);
        count("forms");
    }

    private void call(Person p, Instant at) {
        if (!at.isBefore(CAP)) {
            return;
        }
        at = unique(p.id, at);
        UUID eventId = uuid();
        String number = p.us ? (rnd.nextBoolean() ? US_RADIO : US_CALL_EXT) : UK_PRINT;
        String[] line = TRACKING.get(number);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", eventId.toString());
        body.put("occurredAt", at.toString());
        body.put("trackingNumber", p.us ? "(415) 555-" + number.substring(8) : "+44 20 7946 0001");
        body.put("callerNumber", p.otherPhone);
        if (!p.us && p.otherPhone.startsWith("0")) {
            body.put("phoneRegion", "GB");
        }
        body.put("durationSeconds", 30 + rnd.nextInt(900));
        body.put("answered", true);
        body.put("callId", "call-" + eventId);
        touches.add(new Truth.Touch(eventId, p.id, at, "call", null, null, null, false, null, line[4], line[3],
                null));
        send(at, minutes(1, 120), "/api/v1/calls", body, false, "call", null);
        count("calls_from_known_phone");
    }

    private void badge(Person p, Instant at) {
        if (!at.isBefore(CAP)) {
            return;
        }
        at = unique(p.id, at);
        UUID eventId = uuid();
        String event = p.us ? "saastr_2026" : "b2b_expo_london_2026";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", eventId.toString());
        body.put("occurredAt", at.toString());
        body.put("event", event);
        body.put("booth", "B-12");
        body.put("attendeeId", "A-" + p.index);
        body.put("email", p.email);
        body.put("campaign", event);
        touches.add(new Truth.Touch(eventId, p.id, at, "badge_scan", null, null, null, false, null, "events", event,
                null));
        // Lead lists are uploaded after the show.
        send(at, minutes(24 * 60, 3 * 24 * 60), "/api/v1/badge-scans", body, false, "badge_scan", null);
        count("badge_scans");
    }

    private void consent(Person p, Instant at, boolean granted) {
        String state = granted ? "granted" : "denied";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", uuid().toString());
        body.put("occurredAt", at.toString());
        body.put("email", p.email);
        body.put("region", p.us ? "US" : "GB");
        body.put("source", "cmp");
        body.put("consentMode", Map.of("analytics_storage", state, "ad_storage", state));
        consents.add(new Truth.ConsentSignal(p.id, at, granted));
        send(at, minutes(0, 30), "/api/v1/consents", body, false, "consent_" + state, null);
    }

    // ---------------------------------------------------------------------------------------------- conversions

    private String currency(Person p) {
        int r = rnd.nextInt(100);
        String c = p.us ? (r < 88 ? "USD" : "EUR") : (r < 78 ? "GBP" : "EUR");
        count("currency_" + c);
        return c;
    }

    private void deal(Person p) {
        Instant newAt = p.formAt.plus(between(Duration.ofHours(1), Duration.ofDays(2)));
        Instant qualifiedAt = newAt.plus(between(Duration.ofDays(3), Duration.ofDays(15)));
        Instant closeAt = qualifiedAt.plus(between(Duration.ofDays(3), Duration.ofDays(40)));
        if (!closeAt.isBefore(CAP.minus(Duration.ofDays(12)))) {
            return;
        }
        String dealId = String.format("D-%05d", p.index);
        String currency = currency(p);
        long estimate = (20 + rnd.nextInt(580)) * 10_000L;
        long value = (2_000 + rnd.nextInt(58_000)) * 100L + rnd.nextInt(100);
        int outcome = rnd.nextInt(100);
        String close = outcome < 62 ? "won" : outcome < 85 ? "lost" : null;
        int correction = "won".equals(close) ? rnd.nextInt(100) : 100;
        boolean withSource = correction < 38;
        boolean late = p.index % 6 == 0;
        count("deals");
        count(close == null ? "deals_open" : "deals_" + close);

        crm(p, dealId, "new", newAt, null, null, withSource ? newAt : null, null, false);
        crm(p, dealId, "qualified", qualifiedAt, estimate, currency, withSource ? qualifiedAt : null, null, false);
        if (close == null) {
            return;
        }
        crm(p, dealId, close, closeAt, "won".equals(close) ? value : null, currency,
                withSource ? closeAt : null, null, late);
        if (late) {
            count("late_crm_records");
        }
        if (correction < 20) {
            Instant at = closeAt.plus(between(Duration.ofDays(1), Duration.ofDays(10)));
            crm(p, dealId, "won", at, adjust(value), currency, at, ConversionChange.VALUE_CHANGED, late);
            count("value_corrections");
        } else if (correction < 30) {
            Instant updated = closeAt.plus(between(Duration.ofHours(1), Duration.ofDays(3)));
            crm(p, dealId, "won", closeAt, adjust(value), currency, updated, null, late);
            count("won_resent_at_close_time");
        } else if (correction < 38) {
            Instant first = closeAt.plus(between(Duration.ofDays(1), Duration.ofDays(3)));
            Instant second = first.plus(between(Duration.ofDays(1), Duration.ofDays(3)));
            // The later correction arrives first; the source update time decides.
            crm(p, dealId, "won", second, adjust(value), currency, second, ConversionChange.VALUE_CHANGED, late);
            Pending earlier = crm(p, dealId, "won", first, adjust(value), currency, first,
                    ConversionChange.VALUE_CHANGED, late);
            earlier.arrival = second.plus(Duration.ofHours(7));
            count("corrections_in_reverse_order");
        }
        if ("won".equals(close) && p.index % 30 == 4) {
            Instant lostAt = closeAt.plus(between(Duration.ofDays(11), Duration.ofDays(20)));
            crm(p, dealId, "lost", lostAt, null, null, withSource ? lostAt : null, null, late);
            count("deals_won_then_lost");
        }
    }

    private long adjust(long value) {
        return value * (80 + rnd.nextInt(41)) / 100 + rnd.nextInt(100);
    }

    private Pending crm(Person p, String dealId, String stage, Instant at, Long amount, String currency,
                        Instant sourceUpdatedAt, String change, boolean late) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", uuid().toString());
        body.put("dealId", dealId);
        body.put("contactIds", List.of(p.contactId));
        body.put("stage", stage);
        body.put("conversionType", DEAL);
        body.put("occurredAt", at.toString());
        if (amount != null) {
            body.put("value", Map.of("amountMinor", amount, "currency", currency));
        }
        body.put("email", p.crmEmail);
        if (p.otherPhone != null && !p.us) {
            body.put("phone", p.otherPhone);
            if (p.otherPhone.startsWith("0")) {
                body.put("phoneRegion", "GB");
            }
        }
        body.put("pipeline", "sales");
        body.put("sourceSystem", "hubspot");
        if (change != null) {
            body.put("change", change);
        }
        if (sourceUpdatedAt != null) {
            body.put("sourceUpdatedAt", sourceUpdatedAt.toString());
        }
        Truth.ConversionRecord record = new Truth.ConversionRecord(dealId, p.id, DEAL, change, stage, at, amount,
                currency, sourceUpdatedAt, -1);
        Instant eventTime = sourceUpdatedAt != null && sourceUpdatedAt.isAfter(at) ? sourceUpdatedAt : at;
        return send(eventTime, minutes(5, 6 * 60), "/api/v1/crm-stages", body, late,
                "crm_" + stage + (change == null ? "" : "_" + change), record);
    }

    private void order(Person p, Instant at, boolean withChanges) {
        if (!at.isBefore(CAP.minus(Duration.ofDays(16)))) {
            return;
        }
        at = unique(p.id + ":conversion", at);
        if (story && withChanges && rnd.nextInt(100) < 45) {
            // The newsletter closes: a click a little before the order (never before the form fill).
            long room = Duration.between(p.formAt, at).getSeconds();
            emailClick(p, at.minusSeconds(Math.min(room / 2, 600 + rnd.nextInt(72 * 3600))));
        }
        String orderId = String.format("W-%05d", p.index);
        String currency = currency(p);
        long value = (20 + rnd.nextInt(880)) * 100L + rnd.nextInt(100);
        orderRecord(p, orderId, at, value, currency, null, at);
        count("orders");
        if (withChanges) {
            changes(p, orderId, at, value, currency, false);
        }
    }

    private void orderRecord(Person p, String orderId, Instant at, long amount, String currency, String change,
                             Instant eventTime) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", uuid().toString());
        body.put("conversionId", orderId);
        body.put("type", ORDER);
        body.put("occurredAt", (change == null ? at : eventTime).toString());
        body.put("email", p.email);
        body.put("value", Map.of("amountMinor", amount, "currency", currency));
        body.put("sourceSystem", "shop");
        if (change != null) {
            body.put("change", change);
        }
        Truth.ConversionRecord record = new Truth.ConversionRecord(orderId, p.id, ORDER, change, "completed",
                change == null ? at : eventTime, amount, currency, null, -1);
        send(eventTime, minutes(0, 5), "/api/v1/conversions", body, false,
                "order" + (change == null ? "" : "_" + change), record);
    }

    private void storeSale(Person p, Instant at, boolean withChanges) {
        if (!at.isBefore(CAP.minus(Duration.ofDays(16)))) {
            return;
        }
        at = unique(p.id + ":conversion", at);
        if (story && withChanges && rnd.nextInt(100) < 60) {
            // The code is redeemed at the till a few minutes before the sale is booked.
            code(p, p.us ? US_PROMO : UK_PROMO, at.minusSeconds(60 + rnd.nextInt(600)));
        }
        String orderId = String.format("S-%05d", p.index);
        String currency = currency(p);
        long value = (5 + rnd.nextInt(395)) * 100L + rnd.nextInt(100);
        boolean byPhone = p.otherPhone != null && rnd.nextBoolean();
        storeRecord(p, orderId, at, value, currency, null, at, byPhone);
        count(byPhone ? "store_sales_by_phone" : "store_sales_by_email");
        if (withChanges) {
            changes(p, orderId, at, value, currency, true);
        }
    }

    private void storeRecord(Person p, String orderId, Instant at, long amount, String currency, String change,
                             Instant eventTime, boolean byPhone) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", uuid().toString());
        body.put("orderId", orderId);
        body.put("conversionType", STORE_SALE);
        body.put("occurredAt", (change == null ? at : eventTime).toString());
        body.put("value", Map.of("amountMinor", amount, "currency", currency));
        body.put("storeId", p.us ? "sf-1" : "london-1");
        if (byPhone) {
            body.put("phone", p.otherPhone);
            if (!p.us && p.otherPhone.startsWith("0")) {
                body.put("phoneRegion", "GB");
            }
        } else {
            body.put("email", p.email);
        }
        if (change != null) {
            body.put("change", change);
        }
        Truth.ConversionRecord record = new Truth.ConversionRecord(orderId, p.id, STORE_SALE, change, "completed",
                change == null ? at : eventTime, amount, currency, null, -1);
        send(eventTime, minutes(10, 24 * 60), "/api/v1/pos-sales", body, false,
                "store_sale" + (change == null ? "" : "_" + change), record);
    }

    /** A value correction, a partial refund or a full refund, after the sale; most sales have none. */
    private void changes(Person p, String id, Instant at, long value, String currency, boolean store) {
        int r = rnd.nextInt(100);
        if (r < 8) {
            Instant when = at.plus(between(Duration.ofDays(1), Duration.ofDays(5)));
            long corrected = adjust(value);
            if (store) {
                storeRecord(p, id, at, corrected, currency, ConversionChange.VALUE_CHANGED, when, false);
            } else {
                orderRecord(p, id, at, corrected, currency, ConversionChange.VALUE_CHANGED, when);
            }
            count("value_corrections");
        } else if (r < 23) {
            Instant when = at.plus(between(Duration.ofDays(1), Duration.ofDays(14)));
            long refund = value * (10 + rnd.nextInt(41)) / 100;
            if (store) {
                storeRecord(p, id, at, refund, currency, ConversionChange.REFUND, when, false);
            } else {
                orderRecord(p, id, at, refund, currency, ConversionChange.REFUND, when);
            }
            count("refunds_partial");
        } else if (r < 31) {
            Instant when = at.plus(between(Duration.ofDays(1), Duration.ofDays(14)));
            if (store) {
                storeRecord(p, id, at, value, currency, ConversionChange.REFUND, when, false);
            } else {
                orderRecord(p, id, at, value, currency, ConversionChange.REFUND, when);
            }
            count("refunds_full");
        }
    }

    // ---------------------------------------------------------------------------------------------- assembly

    private static final class Pending {
        Instant arrival;
        final int seq;
        final String path;
        final Map<String, Object> body;
        final boolean late;
        final String label;
        final Truth.ConversionRecord record;

        Pending(Instant arrival, int seq, String path, Map<String, Object> body, boolean late, String label,
                Truth.ConversionRecord record) {
            this.arrival = arrival;
            this.seq = seq;
            this.path = path;
            this.body = body;
            this.late = late;
            this.label = label;
            this.record = record;
        }
    }

    private Pending send(Instant eventTime, Duration delay, String path, Map<String, Object> body, boolean late,
                         String label, Truth.ConversionRecord record) {
        Pending p = new Pending(eventTime.plus(delay), pending.size(), path, body, late, label, record);
        pending.add(p);
        return p;
    }

    private RealisticTenant assemble() {
        List<Pending> ordered = new ArrayList<>(pending);
        // Late records go last, among themselves in their own arrival order.
        ordered.sort(Comparator.comparing((Pending p) -> p.late).thenComparing(p -> p.arrival)
                .thenComparingInt(p -> p.seq));
        List<RealisticTenant.Send> plan = new ArrayList<>();
        List<Truth.ConversionRecord> records = new ArrayList<>();
        for (Pending p : ordered) {
            int index = plan.size();
            plan.add(new RealisticTenant.Send(index, p.path, p.body, p.late, p.label));
            if (p.record != null) {
                Truth.ConversionRecord r = p.record;
                records.add(new Truth.ConversionRecord(r.conversionId(), r.personId(), r.type(), r.change(),
                        r.stage(), r.occurredAt(), r.amountMinor(), r.currency(), r.sourceUpdatedAt(), index));
            }
        }
        mix.put("requests", plan.size());
        mix.put("touches", touches.size());

        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("timeZone", "UTC");
        settings.put("baseCurrency", "USD");
        settings.put("phoneRegion", "US");
        Map<String, Map<String, Object>> types = new TreeMap<>();
        TYPES.forEach((name, rule) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("countsAsConversion", true);
            body.put("countingStages", List.copyOf(new java.util.TreeSet<>(rule.countingStages())));
            body.put("defaultLookbackDays", rule.lookbackDays());
            body.put("valueRequired", !DEAL.equals(name));
            types.put(name, body);
        });
        Map<String, Map<String, Object>> numbers = new LinkedHashMap<>();
        TRACKING.forEach((number, line) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("pool", line[0]);
            body.put("source", line[1]);
            body.put("medium", line[2]);
            body.put("campaign", line[3]);
            body.put("channel", line[4]);
            numbers.put(number, body);
        });
        List<Map<String, Object>> early = new ArrayList<>();
        List<Map<String, Object>> late = new ArrayList<>();
        List<Truth.FxRate> rates = new ArrayList<>();
        for (String[] row : FX) {
            List<Map<String, Object>> target = row[0].equals("2026-11-01") ? late : early;
            for (String[] pair : new String[][]{{"GBP", row[1]}, {"EUR", row[2]}}) {
                target.add(Map.of("date", row[0], "from", pair[0], "to", "USD", "rate", pair[1]));
                rates.add(new Truth.FxRate(LocalDate.parse(row[0]), pair[0], "USD", new BigDecimal(pair[1])));
            }
        }
        Map<String, Map<String, Object>> codes = new LinkedHashMap<>();
        List<Map<String, Object>> spendBodies = new ArrayList<>();
        List<Truth.Spend> spend = new ArrayList<>();
        if (story) {
            CODES.forEach((code, m) -> codes.put(code, Map.of("channel", m[0], "source", m[1], "medium", m[2],
                    "campaign", m[3])));
            spend(spendBodies, spend);
        }
        Truth truth = new Truth(List.copyOf(touches), List.copyOf(consents), List.copyOf(records), TYPES,
                List.copyOf(rates), "USD", List.copyOf(spend));
        return new RealisticTenant(settings, types, numbers, early, late, List.copyOf(plan), truth,
                java.util.Collections.unmodifiableMap(mix), LocalDate.ofInstant(START, ZoneOffset.UTC).minusDays(1),
                LocalDate.ofInstant(CAP, ZoneOffset.UTC), codes, List.copyOf(spendBodies));
    }

    /** Daily spend of every paid campaign from the first to the last day, ±20 % a day, scaled to the size. */
    private void spend(List<Map<String, Object>> bodies, List<Truth.Spend> truth) {
        LocalDate last = LocalDate.ofInstant(CAP, ZoneOffset.UTC).minusDays(1);
        for (LocalDate day = LocalDate.ofInstant(START, ZoneOffset.UTC); !day.isAfter(last); day = day.plusDays(1)) {
            for (String[] line : DAILY_SPEND) {
                long minor = Long.parseLong(line[5]) * 100 * contacts / 300 * (80 + rnd.nextInt(41)) / 100;
                spendRecord(bodies, truth, new Truth.Spend(day, line[0], line[1], line[2], line[3], minor, line[4]));
            }
        }
        for (String[] line : EVENT_SPEND) {
            long minor = Long.parseLong(line[4]) * 100 * contacts / 300;
            spendRecord(bodies, truth, new Truth.Spend(LocalDate.parse(line[0]), line[1], null, null, line[2], minor,
                    line[3]));
        }
        count("spend_records", truth.size());
    }

    private void spendRecord(List<Map<String, Object>> bodies, List<Truth.Spend> truth, Truth.Spend s) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", uuid().toString());
        body.put("date", s.date().toString());
        body.put("channel", s.channel());
        if (s.source() != null) {
            body.put("source", s.source());
            body.put("medium", s.medium());
        }
        body.put("campaign", s.campaign());
        body.put("amount", Map.of("amountMinor", s.amountMinor(), "currency", s.currency()));
        bodies.add(body);
        truth.add(s);
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private void count(String what) {
        count(what, 1);
    }

    private void count(String what, int n) {
        mix.merge(what, n, Integer::sum);
    }

    private Duration between(Duration min, Duration max) {
        return min.plusSeconds(rnd.nextLong(max.minus(min).getSeconds() + 1));
    }

    private Duration minutes(int min, int max) {
        return between(Duration.ofMinutes(min), Duration.ofMinutes(max));
    }

    /** No two events of one person (or device) at the same second: ties would be decided by event ids. */
    private Instant unique(String key, Instant at) {
        Set<Instant> used = usedInstants.computeIfAbsent(key, k -> new HashSet<>());
        Instant t = at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        while (!used.add(t)) {
            t = t.plusSeconds(1);
        }
        return t;
    }

    private UUID uuid() {
        long msb = (rnd.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (rnd.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
