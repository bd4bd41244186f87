package vn.lienthong.gateway.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.lienthong.gateway.messagelog.LogFixtures;
import vn.lienthong.gateway.publish.Feed;

/** The shipped subscriber filters, evaluated by Artemis' selector code as the broker routes. */
class RecipientsTest {

    final Recipients recipients = new Recipients(LogFixtures.CONFIG);

    @Test
    void complaintsGoWhereTheFiltersSay() {
        assertThat(recipients.of(Feed.COMPLAINTS, Map.of("kind", "DENUNCIATION", "provinceCode", "37")))
                .as("the inspectorate pulls; its two case systems are pushed to").containsExactlyInAnyOrder(
                        "inspectorate", "inspectorate-case-system", "inspectorate-case-rest");
        assertThat(recipients.of(Feed.COMPLAINTS, Map.of("kind", "FEEDBACK", "provinceCode", "25"))).containsExactly("province-25");
        assertThat(recipients.of(Feed.COMPLAINTS, Map.of("kind", "COMPLAINT", "provinceCode", "25")))
                .containsExactlyInAnyOrder("inspectorate", "inspectorate-case-system", "inspectorate-case-rest", "province-25");
        assertThat(recipients.of(Feed.COMPLAINTS, Map.of("kind", "FEEDBACK"))).isEmpty();
    }

    @Test
    void booleanPropertiesMatchAsTheBrokerMatchesThem() {
        assertThat(recipients.of(Feed.SERVICE_RECORDS, Map.of("overdue", true, "provinceCode", "40"))).containsExactly("inspectorate");
        assertThat(recipients.of(Feed.SERVICE_RECORDS, Map.of("overdue", false, "provinceCode", "40"))).isEmpty();
    }
}
