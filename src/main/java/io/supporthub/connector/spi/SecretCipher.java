package io.supporthub.connector.spi;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts credentials the hub stores (AES-256-GCM). Each value names the key that sealed it, so
 * keys can be rotated: new values use the current key, old ones still open with theirs.
 *
 * <p>Format: {@code v1:<key id>:<base64(12-byte nonce | ciphertext+tag)>}.
 */
public final class SecretCipher {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String currentKeyId;
    private final Map<String, SecretKeySpec> keys;

    /**
     * @param keys key id → 32-byte key; {@code currentKeyId} must be among them
     */
    public SecretCipher(String currentKeyId, Map<String, byte[]> keys) {
        Map<String, SecretKeySpec> specs = new LinkedHashMap<>();
        keys.forEach((id, key) -> {
            if (key.length != 32) {
                throw new IllegalArgumentException("key " + id + " must be 32 bytes (AES-256), got " + key.length);
            }
            if (!id.matches("[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException("key id '" + id + "' may hold letters, digits, '-' and '_' only");
            }
            specs.put(id, new SecretKeySpec(key, "AES"));
        });
        if (!specs.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("the current key " + currentKeyId + " is not among the keys");
        }
        this.currentKeyId = currentKeyId;
        this.keys = Map.copyOf(specs);
    }

    /**
     * Reads keys from text such as {@code "2026b:BASE64,2026a:BASE64"} (an environment variable or a
     * key file); the first key is the current one.
     */
    public static SecretCipher fromKeyList(String text) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        String first = null;
        for (String entry : text.trim().split("\\s*,\\s*")) {
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("each key is written id:base64, e.g. 2026a:" + "A".repeat(43) + "=");
            }
            String id = entry.substring(0, colon);
            keys.put(id, Base64.getDecoder().decode(entry.substring(colon + 1)));
            first = first == null ? id : first;
        }
        return new SecretCipher(first, keys);
    }

    public String encrypt(String plaintext) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(currentKeyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return "v1:" + currentKeyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    public Secret decrypt(String sealedValue) {
        String[] parts = sealedValue.split(":", 3);
        if (parts.length != 3 || !parts[0].equals("v1")) {
            throw new IllegalArgumentException("not a value this hub encrypted");
        }
        SecretKeySpec key = keys.get(parts[1]);
        if (key == null) {
            throw new IllegalArgumentException("the value was encrypted with key " + parts[1] + ", which is not configured");
        }
        try {
            byte[] in = Base64.getDecoder().decode(parts[2]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(parts[1].getBytes(StandardCharsets.UTF_8));
            return Secret.of(new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the value cannot be decrypted: wrong key or tampered data", e);
        }
    }

    /** True when the value was sealed with an older key and should be re-encrypted. */
    public boolean needsRotation(String sealedValue) {
        return !sealedValue.startsWith("v1:" + currentKeyId + ":");
    }
}
