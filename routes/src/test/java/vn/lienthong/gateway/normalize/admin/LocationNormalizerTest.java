package vn.lienthong.gateway.normalize.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.lienthong.gateway.normalize.QualityFlag;
import vn.lienthong.gateway.normalize.admin.LocationNormalizer.CodeEra;

class LocationNormalizerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final LocationNormalizer normalizer = new LocationNormalizer(AdministrativeUnits.official());

    private static ObjectNode location(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json.replace('\'', '"'));
    }

    @Test
    void mergedCommuneOfAMergedProvince() throws Exception {
        ObjectNode l = location("{'legacy': {'provinceCode': '26', 'districtCode': '246', 'communeCode': '08866'}}");
        assertThat(normalizer.normalize(l, CodeEra.AUTO)).isEmpty();
        assertThat(l).isEqualTo(location("{'legacy': {'provinceCode': '26', 'districtCode': '246', 'communeCode': '08866'},"
                + "'provinceCode': '25', 'provinceName': 'Tỉnh Phú Thọ', 'communeCode': '08866', 'communeName': 'Xã Sơn Đông'}"));
    }

    @Test
    void formerCodesInTheCurrentFieldsAreRecognisedAndMovedToLegacy() throws Exception {
        ObjectNode l = location("{'provinceCode': '36', 'communeCode': '13732', 'communeName': 'Xã Mỹ Thuận'}");
        assertThat(normalizer.normalize(l, CodeEra.AUTO)).isEmpty();
        assertThat(l.get("provinceCode").asText()).isEqualTo("37");
        assertThat(l.get("communeCode").asText()).isEqualTo("13708");
        assertThat(l.get("communeName").asText()).isEqualTo("Phường Mỹ Lộc");
        assertThat(l.get("legacy")).isEqualTo(location("{'provinceCode': '36', 'communeCode': '13732'}"));
    }

    @Test
    void currentCodesGetTheirOfficialNames() throws Exception {
        ObjectNode l = location("{'provinceCode': '37', 'communeCode': '13708', 'communeName': 'my loc'}");
        assertThat(normalizer.normalize(l, CodeEra.AUTO)).isEmpty();
        assertThat(l).isEqualTo(location("{'provinceCode': '37', 'communeCode': '13708', 'communeName': 'Phường Mỹ Lộc',"
                + "'provinceName': 'Tỉnh Ninh Bình'}"));
    }

    @Test
    void droppedLeadingZerosAreRestored() throws Exception {
        ObjectNode l = location("{'provinceCode': '1', 'communeCode': '4'}");
        normalizer.normalize(l, CodeEra.CURRENT);
        assertThat(l.get("communeCode").asText()).isEqualTo("00004");
        assertThat(l.get("provinceName").asText()).isEqualTo("Thành phố Hà Nội");
    }

    @Test
    void aSplitCommuneWithoutAddressGivesCandidatesAndKeepsTheProvince() throws Exception {
        ObjectNode l = location("{'legacy': {'communeCode': '00016'}}");
        List<QualityFlag> flags = normalizer.normalize(l, CodeEra.AUTO);
        assertThat(flags).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("location.split-commune");
            assertThat(f.candidates()).containsExactly("00004 Phường Ba Đình", "00008 Phường Ngọc Hà");
        });
        assertThat(l.get("provinceCode").asText()).isEqualTo("01");
        assertThat(l.has("communeCode")).isFalse();
    }

    @Test
    void aSplitCommuneIsResolvedOnlyWhenTheAddressNamesExactlyOneSuccessor() throws Exception {
        ObjectNode named = location("{'address': 'ngõ 5 phố Hàng Cháo, nay là phường Văn Miếu - Quốc Tử Giám',"
                + "'legacy': {'provinceCode': '01', 'communeCode': '00019'}}");
        assertThat(normalizer.normalize(named, CodeEra.AUTO)).extracting(QualityFlag::code)
                .containsExactly("location.split-commune-resolved");
        assertThat(named.get("communeCode").asText()).isEqualTo("00226");

        ObjectNode folded = location("{'address': 'so 3, phuong O Cho Dua', 'legacy': {'communeCode': '00019'}}");
        normalizer.normalize(folded, CodeEra.AUTO);
        assertThat(folded.get("communeCode").asText()).as("named without diacritics").isEqualTo("00190");

        ObjectNode two = location("{'address': 'giáp ranh Hoàn Kiếm và Ô Chợ Dừa', 'legacy': {'communeCode': '00019'}}");
        assertThat(normalizer.normalize(two, CodeEra.AUTO)).extracting(QualityFlag::code).containsExactly("location.split-commune");
        assertThat(two.has("communeCode")).isFalse();
    }

    @Test
    void namesTheOldAddressContainsAnywayProveNothing() throws Exception {
        // Ngọc Hà (00016) went to Ba Đình and Ngọc Hà; its old address names both the commune and "quận Ba Đình"
        ObjectNode l = location("{'address': 'phường Ngọc Hà, quận Ba Đình', 'legacy': {'communeCode': '00016'}}");
        assertThat(normalizer.normalize(l, CodeEra.AUTO)).extracting(QualityFlag::code).containsExactly("location.split-commune");
    }

    @Test
    void unknownCodesAreFlaggedNeverGuessed() throws Exception {
        ObjectNode commune = location("{'provinceCode': '01', 'communeCode': '99999'}");
        assertThat(normalizer.normalize(commune, CodeEra.AUTO)).extracting(QualityFlag::code).containsExactly("location.unknown-code");
        assertThat(commune).isEqualTo(location("{'provinceCode': '01', 'provinceName': 'Thành phố Hà Nội',"
                + "'legacy': {'communeCode': '99999'}}"));

        ObjectNode legacy = location("{'legacy': {'provinceCode': '26', 'communeCode': '99999'}}");
        assertThat(normalizer.normalize(legacy, CodeEra.AUTO)).extracting(QualityFlag::code).containsExactly("location.unknown-code");
        assertThat(legacy.get("provinceCode").asText()).as("the province is still known").isEqualTo("25");
        assertThat(legacy.has("communeCode")).isFalse();

        ObjectNode junk = location("{'provinceCode': 'HN'}");
        assertThat(normalizer.normalize(junk, CodeEra.AUTO)).extracting(QualityFlag::value).containsExactly("HN");
        assertThat(junk.has("provinceCode") || junk.has("legacy")).as("a malformed code is kept in the flag only").isFalse();
    }

    @Test
    void codesThatContradictEachOtherAreNotConverted() throws Exception {
        ObjectNode l = location("{'legacy': {'provinceCode': '01', 'districtCode': '246', 'communeCode': '08866'}}");
        assertThat(normalizer.normalize(l, CodeEra.AUTO)).extracting(QualityFlag::code)
                .containsExactly("location.inconsistent-codes");
        assertThat(l.has("provinceCode")).isFalse();
    }

    @Test
    void aCodeThatIsCurrentAndFormerWithDifferentMeaningsIsReadAsCurrentAndFlagged() throws Exception {
        // 00025 is Phường Giảng Võ today and, before 2025, a Hà Nội ward that went elsewhere
        ObjectNode l = location("{'provinceCode': '01', 'communeCode': '00025'}");
        List<QualityFlag> flags = normalizer.normalize(l, CodeEra.AUTO);
        assertThat(flags).extracting(QualityFlag::code).containsExactly("location.ambiguous-code");
        assertThat(l.get("communeName").asText()).isEqualTo("Phường Giảng Võ");

        ObjectNode legacy = location("{'provinceCode': '01', 'communeCode': '00025'}");
        assertThat(normalizer.normalize(legacy, CodeEra.LEGACY)).as("a source that says its codes are old").isNotNull();
        assertThat(legacy.get("legacy").get("communeCode").asText()).isEqualTo("00025");
    }

    @Test
    void provinceOnlyAndIslandDistricts() throws Exception {
        ObjectNode province = location("{'provinceCode': '35'}");
        assertThat(normalizer.normalize(province, CodeEra.AUTO)).isEmpty();
        assertThat(province).isEqualTo(location("{'provinceCode': '37', 'provinceName': 'Tỉnh Ninh Bình', 'legacy': {'provinceCode': '35'}}"));

        ObjectNode island = location("{'legacy': {'provinceCode': '77', 'districtCode': '755'}}");
        normalizer.normalize(island, CodeEra.AUTO);
        assertThat(island.get("communeName").asText()).isEqualTo("Đặc khu Côn Đảo");
        assertThat(island.get("provinceCode").asText()).isEqualTo("79");
    }
}
