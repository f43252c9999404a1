package io.supporthub.testing;

import io.supporthub.mail.auth.DkimKeys;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.james.jdkim.DKIMSigner;

/**
 * A domain's DKIM signing key for tests: signs mail as that domain's outgoing server would (jDKIM's signer, relaxed
 * canonicalization), and publishes the public key the way DNS would, as a fixed map.
 */
public final class TestDkim {

    private final String domain;
    private final String selector;
    private final KeyPair keys;

    public TestDkim(String domain, String selector) {
        this.domain = domain;
        this.selector = selector;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.keys = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has RSA", e);
        }
    }

    /** The mail with a DKIM-Signature field on top, signing From, To, Subject, Date and Message-ID and the body. */
    public String sign(String rfc822) {
        String crlf = rfc822.replace("\r\n", "\n").replace("\n", "\r\n");
        try {
            DKIMSigner signer = new DKIMSigner("v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + domain + "; s=" + selector
                    + "; h=from:to:subject:date:message-id; bh=; b=;", keys.getPrivate());
            return signer.sign(new ByteArrayInputStream(crlf.getBytes(StandardCharsets.UTF_8))) + "\r\n" + crlf;
        } catch (Exception e) {
            throw new IllegalStateException("signing a test mail failed", e);
        }
    }

    /** The TXT record DNS would publish at {@code <selector>._domainkey.<domain>}. */
    public String record() {
        return "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    /** DNS as the tests see it: this key published, nothing else. */
    public DkimKeys published() {
        Map<String, String> zone = Map.of(selector + "._domainkey." + domain, record());
        return (s, d) -> zone.containsKey(s + "._domainkey." + d) ? List.of(zone.get(s + "._domainkey." + d)) : List.of();
    }
}
