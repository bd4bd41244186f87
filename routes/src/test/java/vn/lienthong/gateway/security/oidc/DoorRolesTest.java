package vn.lienthong.gateway.security.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.lienthong.gateway.config.GatewayConfig;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;
import vn.lienthong.gateway.security.AdminAccess;
import vn.lienthong.gateway.security.ApiKeys;
import vn.lienthong.gateway.security.SubscriberCallers;
import vn.lienthong.gateway.tracking.SubscriberCredentials;

/**
 * The roles the status loop's and the message log's doors ask of a token: {@code ops:admin} for the
 * admin API, and {@code identity:read} on top for a protected reporter's raw input (never an operator
 * key); {@code feed:<id>} of the subscriber's own client for a status report.
 */
class DoorRolesTest {

    static final GatewayConfig SHIPPED = GatewayConfig.load(Path.of("../gateway-config"), false);

    final TestRealm realm;
    final RealmTokens tokens;

    DoorRolesTest() throws Exception {
        realm = new TestRealm();
        tokens = new RealmTokens(new BearerTokenVerifier(realm.properties()));
    }

    @AfterEach
    void close() {
        realm.close();
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    static ErrorCode refusal(Runnable call) {
        try {
            call.run();
        } catch (GatewayException e) {
            return e.errorCode();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void aProtectedReportersRawInputNeedsOpsAdminAndIdentityRead() throws Exception {
        AdminAccess access = new AdminAccess(List.of(ApiKeys.sha256Hex(AdminAccess.DEMO_KEY)), tokens);
        String operator = realm.token("lienthong-ops", "ops:admin");
        String entitled = realm.token("lienthong-ops", "ops:admin", "identity:read");

        assertThat(access.check(null, bearer(operator))).startsWith("operator:");
        assertThat(access.check(AdminAccess.DEMO_KEY, null)).startsWith("operator-key:");
        assertThat(access.checkIdentityReader(null, bearer(entitled))).startsWith("operator:");
        assertThat(refusal(() -> access.checkIdentityReader(null, bearer(operator)))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(refusal(() -> access.checkIdentityReader(AdminAccess.DEMO_KEY, null))).as("an operator key never suffices")
                .isEqualTo(ErrorCode.FORBIDDEN);
        String subscriber = realm.token("inspectorate", "identity:read");
        assertThat(refusal(() -> access.checkIdentityReader(null, bearer(subscriber))))
                .as("identity:read without ops:admin").isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(refusal(() -> access.checkIdentityReader("wrong-key", null))).isEqualTo(ErrorCode.UNAUTHENTICATED);
        assertThat(refusal(() -> access.check(null, null))).isEqualTo(ErrorCode.UNAUTHENTICATED);
    }

    @Test
    void aStatusReportNeedsTheSubscribersOwnTokenWithItsFeedRole() throws Exception {
        SubscriberCredentials subscribers = new SubscriberCredentials(SHIPPED, new SubscriberCallers(SHIPPED, tokens));

        String own = realm.token("inspectorate", "feed:inspectorate");
        String otherClient = realm.token("province-25", "feed:inspectorate");
        String noRole = realm.token("inspectorate");
        String source = realm.token("portal-hanoi", "intake:portal-hanoi");
        String otherRealm = realm.token(b -> b.issuer("http://elsewhere/realms/x"), "inspectorate", "feed:inspectorate");

        assertThat(subscribers.authenticate(bearer(own))).isEqualTo("inspectorate");
        assertThat(refusal(() -> subscribers.authenticate(bearer(otherClient)))).as("another client holding the role")
                .isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(refusal(() -> subscribers.authenticate(bearer(noRole)))).as("no feed role").isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(refusal(() -> subscribers.authenticate(bearer(source)))).as("a source").isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(refusal(() -> subscribers.authenticate(bearer(otherRealm)))).isEqualTo(ErrorCode.UNAUTHENTICATED);
        // the demo subscribers also accept their broker password (auth.accept: [bearer, password])
        assertThat(subscribers.authenticate("Basic " + Base64.getEncoder()
                .encodeToString("inspectorate:demo-inspectorate-secret".getBytes(StandardCharsets.UTF_8)))).isEqualTo("inspectorate");
    }

    @Test
    void withoutARealmTokensAreRefusedAndPasswordsStillWork() {
        SubscriberCredentials subscribers = new SubscriberCredentials(SHIPPED);
        assertThat(refusal(() -> subscribers.authenticate("Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln"))).isEqualTo(ErrorCode.UNAUTHENTICATED);
        assertThat(subscribers.authenticate("Basic " + Base64.getEncoder()
                .encodeToString("province-25:demo-province-25-secret".getBytes(StandardCharsets.UTF_8)))).isEqualTo("province-25");
    }
}
