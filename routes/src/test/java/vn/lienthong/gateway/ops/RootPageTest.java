package vn.lienthong.gateway.ops;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** {@code /} points a newcomer at the API description and the docs (it was Spring's bare 404). */
class RootPageTest {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new RootPage()).build();

    @Test
    void theRootNamesTheApiDescriptionTheDoorsAndTheDocs() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.links.api-description").value("/openapi.yaml"))
                .andExpect(jsonPath("$.links.health").value("/actuator/health"))
                .andExpect(jsonPath("$.links.docs").value(org.hamcrest.Matchers.containsString("docs/operator-guide.md")));
    }

    @Test
    void theApiDescriptionIsTheContractFromTheSchemas() throws Exception {
        mvc.perform(get("/openapi.yaml"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("openapi:")));
    }
}
