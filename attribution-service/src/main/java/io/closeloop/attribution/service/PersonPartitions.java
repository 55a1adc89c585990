package io.closeloop.attribution.service;

import io.closeloop.contracts.Keys;
import io.closeloop.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.common.utils.Utils;

/**
 * The partition of a person's key {@code tenant:person-id} on {@code touchpoints.resolved}, computed as
 * Kafka's default partitioner does for keyed records (murmur2 of the key bytes, made positive, modulo the
 * partition count), so statistics are split exactly as the consumers' work is.
 */
public final class PersonPartitions {

    public static final int COUNT = Topics.TOUCHPOINTS_RESOLVED.partitions();

    private PersonPartitions() {
    }

    public static int of(String tenant, UUID personId) {
        byte[] key = Keys.person(tenant, personId).getBytes(StandardCharsets.UTF_8);
        return Utils.toPositive(Utils.murmur2(key)) % COUNT;
    }
}
