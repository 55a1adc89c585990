package io.closeloop.ingest.repository;

import io.closeloop.ingest.domain.ChannelRule;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** A tenant's ordered channel rules. */
@ApplicationScoped
public class ChannelRuleRepository {

    public List<ChannelRule> list(Connection connection, String tenant) throws SQLException {
        return Sql.query(connection, "select source_regex, medium_regex, campaign_regex, referrer_host_regex,"
                        + " click_id_regex, kind_regex, default_channel_regex, channel from channel_rule"
                        + " where tenant = ? order by position",
                row -> new ChannelRule(row.getString("source_regex"), row.getString("medium_regex"),
                        row.getString("campaign_regex"), row.getString("referrer_host_regex"),
                        row.getString("click_id_regex"), row.getString("kind_regex"),
                        row.getString("default_channel_regex"), row.getString("channel")), tenant);
    }

    /** Replaces the tenant's rules by {@code rules}, in their order. */
    public void replace(Connection connection, String tenant, List<ChannelRule> rules) throws SQLException {
        Sql.update(connection, "delete from channel_rule where tenant = ?", tenant);
        for (int i = 0; i < rules.size(); i++) {
            ChannelRule rule = rules.get(i);
            Sql.update(connection, "insert into channel_rule (tenant, position, source_regex, medium_regex,"
                            + " campaign_regex, referrer_host_regex, click_id_regex, kind_regex, default_channel_regex,"
                            + " channel) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    tenant, i, rule.sourceRegex(), rule.mediumRegex(), rule.campaignRegex(), rule.referrerHostRegex(),
                    rule.clickIdRegex(), rule.kindRegex(), rule.defaultChannelRegex(), rule.channel());
        }
    }
}
