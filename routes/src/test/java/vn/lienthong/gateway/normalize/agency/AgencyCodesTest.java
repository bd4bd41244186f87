package vn.lienthong.gateway.normalize.agency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.lienthong.gateway.normalize.QualityFlag;
import vn.lienthong.gateway.normalize.admin.AdministrativeUnits;

class AgencyCodesTest {

    private final AgencyCodes codes = new AgencyCodes(AdministrativeUnits.official());

    private static ObjectNode agency(String code) {
        return new ObjectMapper().createObjectNode().put("code", code).put("name", "UBND");
    }

    @ParameterizedTest
    @ValueSource(strings = {"000.00.00.H26", "000.00.37.H40", "G12.01.05.H49", "000.00.00.K54", "000.00.00.G14"})
    void wellFormedCodes(String code) {
        assertThat(AgencyCodes.isWellFormed(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"H26.000", "000.00.00.H2", "000.00.00.26", "000-00-00-H26", "000.00.00.H26 "})
    void malformedCodesAreRemovedAndKeptInTheFlag(String code) {
        ObjectNode agency = agency(code);
        List<QualityFlag> flags = codes.check(agency, "/agency");
        if (code.strip().equals("000.00.00.H26")) {
            assertThat(agency.get("code").asText()).as("only trimmed").isEqualTo("000.00.00.H26");
            return;
        }
        assertThat(flags).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("agency.invalid-code");
            assertThat(f.value()).isEqualTo(code);
        });
        assertThat(agency.has("code")).isFalse();
        assertThat(agency.get("name").asText()).isEqualTo("UBND");
    }

    @Test
    void aProvinceMergedUnderAnotherNameHasItsCodeClosed() {
        // Thái Bình (H54, verified) merged into Hưng Yên; Hưng Yên's own level-1 code is not in the table yet
        ObjectNode agency = agency("000.00.00.h54");
        assertThat(codes.check(agency, "/agency")).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("agency.closed-code");
            assertThat(f.pointer()).isEqualTo("/agency/code");
            assertThat(f.message()).contains("Tỉnh Hưng Yên").contains("mã tỉnh 33").doesNotContain("chưa được đối chiếu");
            assertThat(f.successor()).isNull();
        });
        assertThat(agency.get("code").asText()).as("kept, upper-cased").isEqualTo("000.00.00.H54");
    }

    @Test
    void theSuccessorCodeIsGivenWhenTheSameNamePredecessorIsKnown() {
        // Hậu Giang (H30) merged into Cần Thơ, whose code is unknown here; Yên Bái merged into Lào Cai (H38)
        assertThat(codes.check(agency("000.00.00.H30"), "/agency")).singleElement()
                .satisfies(f -> assertThat(f.successor()).isNull());
        assertThat(codes.check(agency("000.00.00.H38"), "/agency")).as("Lào Cai kept its name and code").isEmpty();
    }

    @Test
    void unverifiedCodesSaySo() {
        assertThat(codes.check(agency("000.00.00.H26"), "/agency")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("Tỉnh Phú Thọ").contains("chưa được đối chiếu"));
    }

    @Test
    void codesOfProvincesThatKeptTheirNameOrAreNotInTheTableAreLeftAlone() {
        for (String code : List.of("000.00.00.H49", "000.00.00.H29", "000.00.00.H57", "000.00.37.H40", "000.00.00.G14")) {
            assertThat(codes.check(agency(code), "/agency")).as(code).isEmpty();
        }
    }
}
