package vn.lienthong.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimulatorStateTest {

    @Test
    void aRepeatedKeyIsStoredOnceAndCounted() {
        SimulatorState state = new SimulatorState();
        SimulatorState.Receipt first = state.store("soap", "k1", "sub", "id1", "KN2222222222", "COMPLAINT", "{}");
        SimulatorState.Receipt again = state.store("soap", "k1", "sub", "id1", "KN2222222222", "COMPLAINT", "{}");
        state.store("rest", "k1", "sub", "id1", "KN2222222222", "COMPLAINT", "{}");

        assertThat(first.duplicate()).isFalse();
        assertThat(again.duplicate()).isTrue();
        assertThat(again.caseNumber()).isEqualTo(first.caseNumber());
        assertThat(state.cases("soap")).singleElement().satisfies(c -> assertThat(c.received()).isEqualTo(2));
        assertThat(state.cases("rest")).hasSize(1);
        assertThat(state.cases(null)).hasSize(2);
    }

    @Test
    void rejectModeRefusesAllOrTheMatchingCases() {
        SimulatorState state = new SimulatorState();
        assertThat(state.rejects("KNAAAA", "id")).isFalse();
        state.set(Mode.REJECT, null, null);
        assertThat(state.rejects("KNAAAA", "id")).isTrue();
        state.set(Mode.REJECT, null, "KNBBBB");
        assertThat(state.rejects("KNAAAA", "id")).isFalse();
        assertThat(state.rejects("KNBBBB", "id")).isTrue();
        state.reset();
        assertThat(state.mode()).isEqualTo(Mode.NORMAL);
        assertThat(Mode.parse("http-500")).isEqualTo(Mode.HTTP_500);
    }
}
