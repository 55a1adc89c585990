package io.closeloop.ingest.domain;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The "list of search / social / shopping / video sites" that GA4's default channel groups refer to,
 * reduced to a representative list of the sites that send most traffic (GA4's own list has hundreds of
 * entries and changes without notice). Tenants whose sources are missing add an override rule.
 *
 * <p>A source matches a category when it is one of its {@code names} exactly (utm_source values such as
 * {@code fb}), when it is a host of one of its {@code brands} (the bare brand, {@code brand.com},
 * {@code www.brand.de}, {@code m.brand.co.uk}, ... — only the usual web/mobile prefixes, so that
 * {@code mail.google.com} is not a search engine), or when it is one of its {@code hosts} or a subdomain
 * of one (short links and hosts that are not a brand name, such as {@code t.co} or {@code search.yahoo.com}).
 */
public final class SourceCategories {

    /** Prefixes a site uses for its web and mobile front ends, e.g. m.facebook.com, l.instagram.com. */
    private static final String FRONT_ENDS = "(?:(?:www|m|l|lm|mobile|mbasic|web|touch)\\.)?";
    /** A generic or country top-level domain, optionally second-level: .com, .de, .co.uk, .com.au. */
    private static final String TLD = "(?:\\.(?:com|co|net|org))?(?:\\.[a-z]{2,3})?";

    public static final SourceCategories SEARCH = new SourceCategories(
            Set.of(),
            List.of("google", "bing", "yahoo", "duckduckgo", "baidu", "yandex", "ecosia", "naver", "seznam",
                    "qwant", "startpage", "ask", "aol", "daum", "sogou"),
            List.of("search.yahoo.com", "search.brave.com", "search.aol.com", "search.naver.com", "yandex.ru",
                    "ya.ru"));

    public static final SourceCategories SOCIAL = new SourceCategories(
            Set.of("fb", "ig", "x", "meta"),
            List.of("facebook", "instagram", "linkedin", "twitter", "tiktok", "pinterest", "reddit", "snapchat",
                    "threads", "quora", "tumblr", "vk", "weibo", "whatsapp", "discord", "messenger", "nextdoor",
                    "mastodon", "bluesky", "xing"),
            List.of("x.com", "t.co", "lnkd.in", "fb.me", "bsky.app", "threads.net", "pin.it", "redd.it",
                    "wa.me"));

    public static final SourceCategories SHOPPING = new SourceCategories(
            Set.of("google shopping", "igshopping"),
            List.of("amazon", "ebay", "etsy", "shopify", "walmart", "alibaba", "aliexpress", "mercadolibre",
                    "rakuten", "zalando", "temu", "shein", "idealo"),
            List.of("shopping.google.com", "shopping.naver.com", "shop.app"));

    public static final SourceCategories VIDEO = new SourceCategories(
            Set.of(),
            List.of("youtube", "vimeo", "twitch", "dailymotion", "wistia", "youku", "bilibili", "netflix"),
            List.of("youtu.be", "m.youtube.com", "tv.youtube.com"));

    private final Set<String> names;
    private final Pattern brands;
    private final List<String> hosts;

    private SourceCategories(Set<String> names, List<String> brands, List<String> hosts) {
        this.names = names;
        this.brands = Pattern.compile("^" + FRONT_ENDS + "(?:" + String.join("|", brands) + ")" + TLD + "$");
        this.hosts = hosts;
    }

    /** Whether the normalized (lower-case) source belongs to this category; an absent source never does. */
    public boolean contains(String source) {
        if (source == null || source.isEmpty()) {
            return false;
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
}
