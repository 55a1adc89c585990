package io.closeloop.identity.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Blocking keys for probabilistic matching: only records that share one are compared, so a new record
 * is scored against a handful of candidates instead of every person. A company domain, a postcode with
 * a last name, or an IP prefix with a user-agent hash each make a block.
 */
public final class BlockingKeys {

    private BlockingKeys() {
    }

    public static List<String> of(Map<String, String> features) {
        List<String> keys = new ArrayList<>();
        if (features == null) {
            return keys;
        }
        String domain = value(features, "company_domain");
        String postcode = value(features, "postcode");
        String lastName = value(features, "last_name");
        String ip = value(features, "ip_prefix");
        String agent = value(features, "user_agent_hash");
        if (domain != null) {
            keys.add("domain:" + domain);
        }
        if (postcode != null && lastName != null) {
            keys.add("postcode_name:" + postcode + "|" + lastName);
        }
        if (ip != null && agent != null) {
            keys.add("ip_agent:" + ip + "|" + agent);
        }
        return keys;
    }

    private static String value(Map<String, String> features, String name) {
        String value = features.get(name);
        return value == null || value.isBlank() ? null : value.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
