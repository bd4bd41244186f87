package vn.lienthong.gateway.security.doors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlCredentialsTest {

    @Test
    void credentialParametersInAnyCaseAndEncoding() {
        assertThat(UrlCredentials.credentialParameter("X-Api-Key=k", true)).isEqualTo("X-Api-Key");
        assertThat(UrlCredentials.credentialParameter("a=1&X%2DAPI%2DKEY=k", true)).isEqualTo("X-API-KEY");
        assertThat(UrlCredentials.credentialParameter("access_token=t", true)).isEqualTo("access_token");
        assertThat(UrlCredentials.credentialParameter("%20apikey%20=t", true)).isEqualTo("apikey");
        assertThat(UrlCredentials.credentialParameter("since=2026-01-01&subscriber=x", true)).isNull();
        assertThat(UrlCredentials.credentialParameter(null, true)).isNull();
    }

    @Test
    void kannelsSecretIsTheOneDocumentedException() {
        assertThat(UrlCredentials.credentialParameter("from=%2B84&secret=s", false)).isNull();
        assertThat(UrlCredentials.credentialParameter("from=%2B84&secret=s", true)).isEqualTo("secret");
        assertThat(UrlCredentials.credentialParameter("from=%2B84&X-Gateway-Secret=s", false)).isEqualTo("X-Gateway-Secret");
    }
}
