package io.closeloop.ingest.service.config;

import io.closeloop.ingest.domain.ChannelOverrides;
import io.closeloop.ingest.domain.ChannelRule;
import io.closeloop.ingest.repository.ChannelRuleRepository;
import io.closeloop.ingest.service.Transactions;
import io.closeloop.ingest.service.Violations;
import io.closeloop.ingest.service.config.ChannelRuleFields;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** A tenant's ordered channel rules, read and replaced as one list (the order is the meaning). */
@ApplicationScoped
public class ChannelRuleService {

    private final Transactions transactions;
    private final ChannelRuleRepository repository;

    public ChannelRuleService(Transactions transactions, ChannelRuleRepository repository) {
        this.transactions = transactions;
        this.repository = repository;
    }

    public ChannelRuleFields.Rules get(String tenant) {
        return fields(transactions.inTransaction(c -> repository.list(c, tenant)));
    }

    public ChannelRuleFields.Rules replace(String tenant, ChannelRuleFields.Rules given) {
        Violations violations = new Violations();
        List<ChannelRuleFields> fields = given.rules() == null ? List.of() : given.rules();
        if (fields.size() > ChannelOverrides.MAX_RULES) {
            violations.add("rules", "at most " + ChannelOverrides.MAX_RULES + " rules");
            violations.throwIfAny();
        }
        List<ChannelRule> rules = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            ChannelRuleFields rule = fields.get(i);
            String at = "rules[" + i + "]";
            if (rule == null) {
                violations.add(at, "is required");
                continue;
            }
            text(violations, at, rule);
            try {
                rules.add(new ChannelRule(blankToNull(rule.source()), blankToNull(rule.medium()),
                        blankToNull(rule.campaign()), blankToNull(rule.referrerHost()), blankToNull(rule.clickId()),
                        blankToNull(rule.kind()), blankToNull(rule.defaultChannel()),
                        rule.channel() == null ? null : rule.channel().trim()));
            } catch (IllegalArgumentException e) {
                violations.add(at + "." + field(e.getMessage()), e.getMessage());
            }
        }
        violations.throwIfAny();
        transactions.inTransaction(c -> {
            repository.replace(c, tenant, rules);
            return null;
        });
        return fields(rules);
    }

    private static void text(Violations violations, String at, ChannelRuleFields rule) {
        violations.text(at + ".source", rule.source());
        violations.text(at + ".medium", rule.medium());
        violations.text(at + ".campaign", rule.campaign());
        violations.text(at + ".referrerHost", rule.referrerHost());
        violations.text(at + ".clickId", rule.clickId());
        violations.text(at + ".kind", rule.kind());
        violations.text(at + ".defaultChannel", rule.defaultChannel());
        violations.text(at + ".channel", rule.channel());
    }

    /** The field a {@link ChannelRule} complaint is about: it starts with the field's name. */
    private static String field(String message) {
        for (String field : List.of("source", "medium", "campaign", "referrerHost", "clickId", "kind",
                "defaultChannel", "channel")) {
            if (message.startsWith(field)) {
                return field;
            }
        }
        return "source";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static ChannelRuleFields.Rules fields(List<ChannelRule> rules) {
        return new ChannelRuleFields.Rules(rules.stream().map(r -> new ChannelRuleFields(r.sourceRegex(),
                r.mediumRegex(), r.campaignRegex(), r.referrerHostRegex(), r.clickIdRegex(), r.kindRegex(),
                r.defaultChannelRegex(), r.channel())).toList());
    }
}
