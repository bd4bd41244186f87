package vn.lienthong.gateway.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeedTest {

    @Test
    void queueNamesAndTheirSubscriber() {
        assertThat(Feed.COMPLAINTS.fqqn("province-25")).isEqualTo("lienthong.complaints::province-25");
        assertThat(Feed.SERVICE_RECORDS.fqqn("province-25")).isEqualTo("lienthong.service-records::province-25.service-records");
        // MQTT: the queue Artemis binds to client id <id> subscribing to the feed's topic
        assertThat(Feed.COMPLAINTS.fqqn("province-25", true)).isEqualTo("lienthong.complaints::province-25.lienthong.complaints");
        assertThat(Feed.SERVICE_RECORDS.queueName("province-25", true)).isEqualTo("province-25.lienthong.service-records");

        for (Feed feed : Feed.values()) {
            for (boolean mqtt : new boolean[] {false, true}) {
                assertThat(feed.subscriberOf(feed.queueName("province-25", mqtt))).isEqualTo("province-25");
            }
        }
    }
}
