package vn.lienthong.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubscriptionFiltersTest {

    @Test
    void valuesBecomeInClausesAndBooleansComparisons() {
        var filter = new SubscriberDefinition.Filter(Map.of(
                "kind", List.of("COMPLAINT", "DENUNCIATION"),
                "overdue", List.of(true)), null);
        assertThat(SubscriptionFilters.toSelector(filter))
                .isEqualTo("kind IN ('COMPLAINT', 'DENUNCIATION') AND overdue = TRUE");
    }

    @Test
    void quotesAreEscapedAndRawSelectorsAppended() {
        var filter = new SubscriberDefinition.Filter(Map.of("category", List.of("O'BRIEN")), "provinceCode <> '01'");
        assertThat(SubscriptionFilters.toSelector(filter)).isEqualTo("category IN ('O''BRIEN') AND (provinceCode <> '01')");
    }

    @Test
    void noFilterMeansEverything() {
        assertThat(SubscriptionFilters.toSelector(new SubscriberDefinition.Filter(null, null))).isNull();
    }

    @Test
    void unknownPropertiesAreRefused() {
        assertThatThrownBy(() -> SubscriptionFilters.toSelector(new SubscriberDefinition.Filter(Map.of("provinceCod", List.of("25")), null)))
                .hasMessageContaining("unknown property 'provinceCod'");
    }
}
