package io.supporthub.connector.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final String OLD = "2026a:" + Base64.getEncoder().encodeToString(new byte[32]);
    private static final String NEW = "2026b:" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void a_sealed_value_opens_again_and_does_not_show_its_plaintext() {
        SecretCipher cipher = SecretCipher.fromKeyList(OLD);
        String sealed = cipher.encrypt("refresh-token-123");
        assertThat(sealed).startsWith("v1:2026a:").doesNotContain("refresh-token-123");
        assertThat(cipher.decrypt(sealed).reveal()).isEqualTo("refresh-token-123");
        assertThat(cipher.encrypt("refresh-token-123")).as("a fresh nonce every time").isNotEqualTo(sealed);
    }

    @Test
    void after_a_key_rotation_old_values_still_open_and_are_marked_for_resealing() {
        String sealedWithOld = SecretCipher.fromKeyList(OLD).encrypt("t");
        SecretCipher rotated = SecretCipher.fromKeyList(NEW + "," + OLD);
        assertThat(rotated.decrypt(sealedWithOld).reveal()).isEqualTo("t");
        assertThat(rotated.needsRotation(sealedWithOld)).isTrue();
        assertThat(rotated.needsRotation(rotated.encrypt("t"))).isFalse();
    }

    @Test
    void a_tampered_value_or_an_unknown_key_is_refused() {
        SecretCipher cipher = SecretCipher.fromKeyList(OLD);
        String sealed = cipher.encrypt("t");
        // flip one bit of the ciphertext itself (the last base64 character may hold only padding bits)
        int at = "v1:2026a:".length() + 20;
        String tampered = sealed.substring(0, at) + (sealed.charAt(at) == 'A' ? 'B' : 'A') + sealed.substring(at + 1);
        assertThatThrownBy(() -> cipher.decrypt(tampered)).hasMessageContaining("wrong key or tampered");
        assertThatThrownBy(() -> SecretCipher.fromKeyList(NEW).decrypt(sealed)).hasMessageContaining("key 2026a, which is not configured");
        assertThatThrownBy(() -> SecretCipher.fromKeyList("k:" + Base64.getEncoder().encodeToString(new byte[16]))).hasMessageContaining("32 bytes");
    }
}
