package vn.lienthong.gateway.normalize.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The derived tables are complete and consistent (see normalize/admin-units/README.md). */
class AdministrativeUnitTablesTest {

    private final AdministrativeUnits units = AdministrativeUnits.official();

    @Test
    void countsOfTheOfficialLists() {
        assertThat(units.provinces()).hasSize(34);
        assertThat(units.formerProvinces()).hasSize(63);
        assertThat(units.communes()).hasSize(3321);
        assertThat(units.formerCommunes()).hasSize(10033);
        assertThat(units.formerCommunes().stream().filter(AdministrativeUnits.FormerCommune::split)).hasSize(441);
    }

    @Test
    void everyCodeReferredToExists() {
        units.communes().forEach(c -> assertThat(units.province(c.province())).as(c.code()).isPresent());
        units.formerProvinces().forEach(p -> assertThat(units.province(p.successor())).as(p.code()).isPresent());
        units.formerCommunes().forEach(c -> {
            assertThat(units.formerProvince(c.province())).as(c.code()).isPresent();
            assertThat(units.formerDistrict(c.district())).as(c.code()).isPresent();
            c.successors().forEach(s -> assertThat(units.commune(s)).as(c.code() + " → " + s).isPresent());
        });
        units.formerDistricts().forEach(d -> d.successors().forEach(s -> assertThat(units.commune(s)).isPresent()));
    }

    @Test
    void everyFormerProvinceWentToOneProvinceAndEveryProvinceKeptTheCodeOfAPredecessor() {
        units.provinces().forEach(p -> assertThat(units.formerProvince(p.code()))
                .as("province %s keeps the code of a predecessor", p.code())
                .hasValueSatisfying(f -> assertThat(f.successor()).isEqualTo(p.code())));
    }

    @Test
    void mergedProvincesThatLostTheirName() {
        assertThat(units.lostItsName(units.formerProvince("26").orElseThrow())).as("Vĩnh Phúc → Phú Thọ").isTrue();
        assertThat(units.lostItsName(units.formerProvince("25").orElseThrow())).as("Phú Thọ keeps its name").isFalse();
        assertThat(units.lostItsName(units.formerProvince("46").orElseThrow())).as("Huế was not merged").isFalse();
        assertThat(units.formerProvinces().stream().filter(units::lostItsName)).hasSize(63 - 34);
    }
}
