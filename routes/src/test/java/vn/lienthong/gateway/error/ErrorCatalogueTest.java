package vn.lienthong.gateway.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every error code is documented in docs/errors.md and declared in the OpenAPI document. */
class ErrorCatalogueTest {

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void documentedAndDeclared(ErrorCode code) throws Exception {
        String doc = Files.readString(Path.of("../docs/errors.md"));
        String openapi = Files.readString(Path.of("../schemas/v1/openapi.yaml"));
        assertThat(doc).contains("| `" + code.code() + "` | " + code.httpStatus() + " |");
        assertThat(openapi).contains("- " + code.code());
    }
}
