package vn.lienthong.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordsTest {

    @Test
    void hashVerifiesOnlyItsPassword() {
        String hash = Passwords.hash("s3cret");
        assertThat(Passwords.isWellFormed(hash)).isTrue();
        assertThat(Passwords.verify("s3cret", hash)).isTrue();
        assertThat(Passwords.verify("s3cret ", hash)).isFalse();
        assertThat(Passwords.hash("s3cret")).isNotEqualTo(hash);
        assertThat(Passwords.verify("s3cret", "plain")).isFalse();
    }

    @Test
    void apiKeysAreRandomAndHashedAsHex() {
        String key = ApiKeys.generate();
        assertThat(key).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(ApiKeys.generate());
        assertThat(ApiKeys.sha256Hex("demo-portal-hanoi-key"))
                .isEqualTo("f7d7d881db5b9a297e8f217ec81f9e84a4c9c0778c513e960e79bd3eb94222a8");
        assertThat(ApiKeys.isDemoHash("portal-hanoi", ApiKeys.sha256Hex("demo-portal-hanoi-key"))).isTrue();
    }
}
