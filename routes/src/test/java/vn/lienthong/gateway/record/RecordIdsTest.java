package vn.lienthong.gateway.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecordIdsTest {

    @Test
    void nameBasedVersion5IdsDependOnSourceAndRecord() {
        UUID id = RecordIds.of("portal-hanoi", "HN-PA-2026-004512");
        assertThat(id.version()).isEqualTo(5);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id).isEqualTo(RecordIds.of("portal-hanoi", "HN-PA-2026-004512"))
                .isNotEqualTo(RecordIds.of("dvc-province", "HN-PA-2026-004512"))
                .isNotEqualTo(RecordIds.of("portal-hanoi", "HN-PA-2026-004513"));
    }
}
