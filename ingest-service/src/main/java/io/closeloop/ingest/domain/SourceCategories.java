package io.closeloop.ingest.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The "list of search / social / shopping / video sites" that GA4's default channel groups refer to: GA4's
 * published list of sources and categories ({@code ga4/source-categories.csv}), which decides for every source
 * it names, plus representative patterns for the country and mobile variants it does not spell out.
 *
 * <p>A source matches a category when the published list puts it there; a source the list does not name
 * matches when it is one of the category's {@code names} exactly (utm_source values such as {@code fb}),
 * when it is a host of one of its {@code brands} (the bare brand, {@code brand.com}, {@code www.brand.de},
 * {@code m.brand.co.uk}, ... — only the usual web/mobile prefixes, so that {@code mail.google.com} is not a
 * search engine), or when it is one of its {@code hosts} or a subdomain of one (short links and hosts that are
 * not a brand name, such as {@code t.co} or {@code search.yahoo.com}).
 */
public final class SourceCategories {

    /** Prefixes a site uses for its web and mobile front ends, e.g. m.facebook.com, l.instagram.com. */
    private static final String FRONT_ENDS = "(?:(?:www|m|l|lm|mobile|mbasic|web|touch)\\.)?";
    /** A generic or country top-level domain, optionally second-level: .com, .de, .co.uk, .com.au. */
    private static final String TLD = "(?:\\.(?:com|co|net|org))?(?:\\.[a-z]{2,3})?";

    /** The published list: normalized source → category name (search, social, shopping, video). */
    private static final Map<String, String> PUBLISHED = published();

    public static final SourceCategories SEARCH = new SourceCategories("search",
            Set.of(),
            List.of("google", "bing", "yahoo", "duckduckgo", "baidu", "yandex", "ecosia", "naver", "seznam",
                    "qwant", "startpage", "ask", "aol", "daum", "sogou"),
            List.of("search.yahoo.com", "search.brave.com", "search.aol.com", "search.naver.com", "yandex.ru",
                    "ya.ru"));

    public static final SourceCategories SOCIAL = new SourceCategories("social",
            Set.of("fb", "ig", "x", "meta"),
            List.of("facebook", "instagram", "linkedin", "twitter", "tiktok", "pinterest", "reddit", "snapchat",
                    "threads", "quora", "tumblr", "vk", "weibo", "whatsapp", "discord", "messenger", "nextdoor",
                    "mastodon", "bluesky", "xing"),
            List.of("x.com", "t.co", "lnkd.in", "fb.me", "bsky.app", "threads.net", "pin.it", "redd.it",
                    "wa.me"));

    public static final SourceCategories SHOPPING = new SourceCategories("shopping",
            Set.of("google shopping", "igshopping"),
            List.of("amazon", "ebay", "etsy", "shopify", "walmart", "alibaba", "aliexpress", "mercadolibre",
                    "zalando", "temu", "shein", "idealo"),
            List.of("shopping.google.com", "shopping.naver.com", "shop.app"));

    public static final SourceCategories VIDEO = new SourceCategories("video",
            Set.of(),
            List.of("youtube", "vimeo", "twitch", "dailymotion", "wistia", "youku", "bilibili", "netflix"),
            List.of("youtu.be", "m.youtube.com", "tv.youtube.com"));

    private final String category;
    private final Set<String> names;
    private final Pattern brands;
    private final List<String> hosts;

    private SourceCategories(String category, Set<String> names, List<String> brands, List<String> hosts) {
        this.category = category;
        this.names = names;
        this.brands = Pattern.compile("^" + FRONT_ENDS + "(?:" + String.join("|", brands) + ")" + TLD + "$");
        this.hosts = hosts;
    }

    /** Whether the normalized (lower-case) source belongs to this category; an absent source never does. */
    public boolean contains(String source) {
        if (source == null || source.isEmpty()) {
            return false;
        }
        String listed = PUBLISHED.get(source);
        if (listed != null) {
            return listed.equals(category);
        }
        if (names.contains(source) || brands.matcher(source).matches()) {
            return true;
        }
        for (String host : hosts) {
            if (source.equals(host) || source.endsWith("." + host)) {
                return true;
            }
        }
        return false;
    }

    /** Whether GA4's published list names this normalized source at all. */
    public static boolean isPublished(String source) {
        return source != null && PUBLISHED.containsKey(source);
    }

    private static Map<String, String> published() {
        InputStream in = SourceCategories.class.getResourceAsStream("/ga4/source-categories.csv");
        if (in == null) {
            throw new IllegalStateException("ga4/source-categories.csv is missing from the classpath");
        }
        Map<String, String> categories = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                int comma = line.lastIndexOf(',');
                if (line.startsWith("#") || comma < 0 || !line.contains("SOURCE_CATEGORY_")) {
                    continue;
                }
                String category = line.substring(comma + 1).trim().substring("SOURCE_CATEGORY_".length());
                categories.put(line.substring(0, comma).trim().toLowerCase(Locale.ROOT),
                        category.toLowerCase(Locale.ROOT));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(categories);
    }
}
