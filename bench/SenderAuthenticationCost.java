import io.supporthub.mail.auth.SenderAuthentication;
import io.supporthub.mail.auth.SenderPolicy;
import io.supporthub.mail.auth.SenderVerdict;
import io.supporthub.mail.mime.MimeLimits;
import io.supporthub.mail.mime.MimeReader;
import io.supporthub.mail.mime.ParsedMail;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.james.jdkim.DKIMSigner;

/**
 * What judging a mail's sender costs per mail, beside what reading it costs: an unsigned mail, one stamped by a trusted
 * server, and one with an aligned DKIM signature (its key from a map: DNS time is not counted). One thread, 3 s warm-up,
 * 5 s measured per case; a ~3 KB mail like the intake benchmark's (../shared/bench/dovecot/fill_maildir.py).
 *
 *   ./mvnw -B -q compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=runtime
 *   java -cp target/classes:$(cat target/cp.txt) bench/SenderAuthenticationCost.java
 */
public class SenderAuthenticationCost {

    public static void main(String[] args) throws Exception {
        String mail = mail();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        String record = "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
        String signed = new DKIMSigner("v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.org; s=s1; h=from:to:subject:date:message-id; bh=; b=;",
                keys.getPrivate()).sign(new ByteArrayInputStream(mail.getBytes(StandardCharsets.UTF_8))) + "\r\n" + mail;
        SenderAuthentication authentication = new SenderAuthentication((selector, domain) -> List.of(record));
        SenderPolicy policy = new SenderPolicy(Set.of("mx.example.com"), false);

        report("read (MimeReader), for scale", bytes(mail), raw -> MimeReader.read(raw, MimeLimits.defaults()));
        report("judge: unsigned, no trusted results", bytes(mail), judging(authentication, policy, bytes(mail)));
        String stamped = "Authentication-Results: mx.example.com; spf=pass smtp.mailfrom=customer7@example.org; dmarc=pass header.from=example.org\r\n"
                + mail;
        report("judge: trusted server's dmarc=pass", bytes(stamped), judging(authentication, policy, bytes(stamped)));
        report("judge: aligned DKIM signature verified", bytes(signed), judging(authentication, policy, bytes(signed)));
    }

    interface Work {
        Object run(byte[] raw) throws Exception;
    }

    static Work judging(SenderAuthentication authentication, SenderPolicy policy, byte[] raw) {
        ParsedMail parsed = MimeReader.read(raw, MimeLimits.defaults());
        return bytes -> {
            SenderVerdict verdict = authentication.judge(parsed, bytes, policy, true);
            if (verdict.result() == SenderVerdict.Result.FAIL) {
                throw new IllegalStateException(verdict.reason());
            }
            return verdict;
        };
    }

    static void report(String name, byte[] raw, Work work) throws Exception {
        loop(raw, work, 3_000);
        long[] done = loop(raw, work, 5_000);
        System.out.printf("%-45s %10.1f µs per mail (%d mails)%n", name, done[1] / 1_000.0 / done[0], done[0]);
    }

    static long[] loop(byte[] raw, Work work, long millis) throws Exception {
        long start = System.nanoTime();
        long end = start + millis * 1_000_000;
        long n = 0;
        while (System.nanoTime() < end) {
            work.run(raw);
            n++;
        }
        return new long[] {n, System.nanoTime() - start};
    }

    static byte[] bytes(String mail) {
        return mail.getBytes(StandardCharsets.UTF_8);
    }

    static String mail() {
        Random random = new Random(7);
        String[] words = "customer order invoice cannot login please help refund shipping delayed account".split(" ");
        StringBuilder body = new StringBuilder();
        while (body.length() < 2_800) {
            for (int w = 0; w < 12; w++) {
                body.append(words[random.nextInt(words.length)]).append(' ');
            }
            body.append("\r\n");
        }
        return "Return-Path: <customer7@example.org>\r\nReceived: from mail.example.org by mx.example.com; Mon, 1 Dec 2025 10:00:00 +0000\r\n"
                + "From: Customer 7 <customer7@example.org>\r\nTo: support@example.com\r\nSubject: [Order #100007] invoice delayed\r\n"
                + "Date: Mon, 1 Dec 2025 10:00:00 +0000\r\nMessage-ID: <bench-7@example.org>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body;
    }
}
