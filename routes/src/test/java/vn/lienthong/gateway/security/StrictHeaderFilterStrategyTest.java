package vn.lienthong.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictHeaderFilterStrategyTest {

    private final StrictHeaderFilterStrategy filter = new StrictHeaderFilterStrategy();

    @ParameterizedTest
    @ValueSource(strings = {"CamelHttpResponseCode", "CAMELHTTPURI", "camelFileName", "cAmElBeanMethodName",
            " CamelExecCommandExecutable", "org.apache.camel.Foo", "breadcrumbId"})
    void camelHeadersFromOutsideAreDroppedInAnyCase(String name) {
        assertThat(filter.applyFilterToExternalHeaders(name, "x", null)).isTrue();
        assertThat(filter.applyFilterToCamelHeaders(name, "x", null)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Api-Key", "Content-Type", "Authorization", "kind", "_AMQ_VALIDATED_USER"})
    void ordinaryHeadersPass(String name) {
        assertThat(filter.applyFilterToExternalHeaders(name, "x", null)).isFalse();
    }
}
