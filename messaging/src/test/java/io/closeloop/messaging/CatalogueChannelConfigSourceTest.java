package io.closeloop.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.contracts.Topics;
import org.junit.jupiter.api.Test;

class CatalogueChannelConfigSourceTest {

    private final CatalogueChannelConfigSource source = new CatalogueChannelConfigSource();

    @Test
    void everyCatalogueTopicHasAChannelWithItsTopicAndDeadLetterTopic() {
        assertThat(Topics.all()).allSatisfy(topic -> {
            String channel = CatalogueChannelConfigSource.channel(topic);
            assertThat(source.getValue("mp.messaging.incoming." + channel + ".topic")).isEqualTo(topic.name());
            assertThat(source.getValue("mp.messaging.incoming." + channel + ".dead-letter-queue.topic"))
                    .isEqualTo(topic.name() + ".dlq");
        });
        assertThat(source.getValue("mp.messaging.incoming.touchpoints-raw.topic")).isEqualTo("touchpoints.raw");
    }

    @Test
    void channelsOutsideTheCatalogueAndOtherAttributesAreLeftAlone() {
        assertThat(source.getValue("mp.messaging.incoming.unknown-channel.topic")).isNull();
        assertThat(source.getValue("mp.messaging.incoming.credits.group.id")).isNull();
        assertThat(source.getValue("quarkus.http.port")).isNull();
    }

    @Test
    void onlyTheSharedConsumerSettingsAreListedSoNoServiceGetsChannelsItDoesNotConsume() {
        assertThat(source.getPropertyNames()).allMatch(name -> name.startsWith("mp.messaging.connector.smallrye-kafka."));
        assertThat(source.getValue("mp.messaging.connector.smallrye-kafka.auto.offset.reset")).isEqualTo("earliest");
        assertThat(source.getValue("mp.messaging.connector.smallrye-kafka.failure-strategy"))
                .isEqualTo("dead-letter-queue");
        assertThat(source.getOrdinal()).isLessThan(100);
    }
}
