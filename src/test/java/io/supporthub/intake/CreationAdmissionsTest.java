package io.supporthub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.supporthub.db.Transactions;
import io.supporthub.intake.CreationAdmissions.Admission;
import io.supporthub.mail.InboundMail;
import io.supporthub.mail.InboundMailReader;
import io.supporthub.mail.filter.MailFilterChain;
import io.supporthub.mail.mime.MimeLimits;
import io.supporthub.testing.MovableClock;
import io.supporthub.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The per-sender creation cap against a real PostgreSQL, fed raw mail the way intake reads it: a
 * responder that passes every automatic-mail filter (no Auto-Submitted, a fresh subject each time).
 */
class CreationAdmissionsTest {

    static final InboundMailReader READER = new InboundMailReader(MimeLimits.defaults(), MailFilterChain.standard("hub.test"));
    static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-11-23T09:00:00Z"));

    static HikariDataSource dataSource;
    static CreationAdmissions admissions;

    @BeforeAll
    static void database() {
        dataSource = TestDatabase.migratedPool(8);
        admissions = new CreationAdmissions(new Transactions(dataSource), CLOCK,
                new CreationCap(3, Duration.ofHours(1), Set.of("alerts@monitor.example", "@ops.example")));
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void a_responder_with_fresh_subjects_passes_the_filters_and_is_held_after_the_cap() {
        List<Admission> answers = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            InboundMail mail = READER.read("support@hub.test", raw("""
                    From: "Ticket robot" <robot@fresh.example>
                    To: support@hub.test
                    Subject: Your request %d has been received
                    Message-ID: <fresh-%d@fresh.example>
                    Date: Mon, 23 Nov 2026 09:00:0%d +0000

                    Thank you for your e-mail. This is an automatic answer.
                    """.formatted(i, i, i)));
            assertThat(mail.accepted()).as("no header marks it automatic").isTrue();
            answers.add(admit(mail));
        }
        assertThat(answers).extracting(Admission::admitted).containsExactly(true, true, true, false, false);
        assertThat(answers.get(2).reason()).isEqualTo("3 of 3 new tickets from robot@fresh.example within PT1H");
        assertThat(answers.get(3).reason())
                .isEqualTo("creation cap: robot@fresh.example opened 3 ticket(s) within 1h already (hub.mail.creation-cap.per-sender=3)");
    }

    @Test
    void mail_only_claiming_an_address_counts_against_an_allowance_of_its_own_never_the_authenticated_senders() {
        List<CreationAdmissions.Candidate> forgeries = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            forgeries.add(new CreationAdmissions.Candidate("ava@claimed.example", "<forged-" + i + "@attacker.example>", false));
        }
        List<Admission> forged = new Transactions(dataSource).inTransaction(c -> admissions.admitAll(c, forgeries));
        Admission real = new Transactions(dataSource).inTransaction(c -> admissions.admitAll(c,
                List.of(new CreationAdmissions.Candidate("ava@claimed.example", "<real-1@claimed.example>", true)))).get(0);

        assertThat(forged).extracting(Admission::admitted).containsExactly(true, true, true, false, false);
        assertThat(forged.get(3).reason()).isEqualTo("creation cap: unauthenticated mail claiming ava@claimed.example opened 3 ticket(s) "
                + "within 1h already (hub.mail.creation-cap.per-sender=3)");
        assertThat(real.admitted()).isTrue();
        assertThat(real.reason()).isEqualTo("1 of 3 new tickets from ava@claimed.example within PT1H");
    }

    @Test
    void one_batch_admits_each_sender_up_to_the_cap_in_its_own_order_and_answers_every_mail() {
        List<CreationAdmissions.Candidate> batch = List.of(
                new CreationAdmissions.Candidate("zed@batch.example", "<z1@batch>"), new CreationAdmissions.Candidate("amy@batch.example", "<a1@batch>"),
                new CreationAdmissions.Candidate("ZED@batch.example", "<z2@batch>"), new CreationAdmissions.Candidate("zed@batch.example", "<z3@batch>"),
                new CreationAdmissions.Candidate("zed@batch.example", "<z4@batch>"), new CreationAdmissions.Candidate("zed@batch.example", "<z1@batch>"),
                new CreationAdmissions.Candidate(null, "<nobody@batch>"), new CreationAdmissions.Candidate("pager@ops.example", "<p1@batch>"));
        List<Admission> answers = new Transactions(dataSource).inTransaction(c -> admissions.admitAll(c, batch));

        // zed's fourth mail is past the cap of 3; the same mail twice in one batch counts once; no sender and exempt pass
        assertThat(answers).extracting(Admission::admitted).containsExactly(true, true, true, true, false, true, true, true);
        assertThat(answers.get(3).reason()).isEqualTo("3 of 3 new tickets from zed@batch.example within PT1H");
        assertThat(answers.get(5).reason()).isEqualTo("admitted before (a redelivery)");
        assertThat(answers.get(6).reason()).isEqualTo("no sender to count");
    }

    @Test
    void a_redelivered_mail_is_admitted_again_without_using_up_the_cap() {
        InboundMail mail = READER.read("support@hub.test", raw("""
                From: Ann <ann@redeliver.example>
                Subject: Printer on fire
                Message-ID: <redeliver-1@redeliver.example>

                It really is.
                """));
        for (int i = 0; i < 5; i++) {
            assertThat(admit(mail).admitted()).isTrue();
        }
        assertThat(admit(mail).reason()).isEqualTo("admitted before (a redelivery)");
        assertThat(admissions.admit("ann@redeliver.example", "redeliver-2").reason()).startsWith("2 of 3");
    }

    @Test
    void the_window_slides_on_the_hubs_clock() {
        for (int i = 0; i < 3; i++) {
            assertThat(admissions.admit("Bo@Window.example", "window-" + i).admitted()).isTrue();
        }
        assertThat(admissions.admit("bo@window.example", "window-3").admitted()).as("the address is compared without case").isFalse();
        CLOCK.advance(Duration.ofMinutes(61));
        assertThat(admissions.admit("bo@window.example", "window-4").admitted()).isTrue();
    }

    @Test
    void exempt_addresses_and_domains_are_never_held_and_other_senders_have_their_own_count() {
        for (int i = 0; i < 10; i++) {
            assertThat(admissions.admit("alerts@monitor.example", "exempt-a-" + i).admitted()).isTrue();
            assertThat(admissions.admit("pager@ops.example", "exempt-b-" + i).admitted()).isTrue();
        }
        assertThat(admissions.admit("someone@monitor.example", "exempt-c").admitted()).isTrue();
        assertThat(admissions.admit(null, "no-sender").admitted()).as("intake quarantines it for the missing sender").isTrue();
    }

    @Test
    void concurrent_mail_from_one_sender_never_overshoots_the_cap() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Callable<Admission>> attempts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String key = "race-" + i;
            attempts.add(() -> admissions.admit("race@parallel.example", key));
        }
        int admitted = 0;
        for (Future<Admission> f : pool.invokeAll(attempts)) {
            admitted += f.get().admitted() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(admitted).isEqualTo(3);
    }

    private static Admission admit(InboundMail mail) {
        return admissions.admit(mail.parsed().sender().address(), mail.receipt().messageKey());
    }

    private static byte[] raw(String rfc822) {
        return rfc822.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
