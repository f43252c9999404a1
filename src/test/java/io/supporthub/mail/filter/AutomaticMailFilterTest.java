package io.supporthub.mail.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.supporthub.mail.filter.MailDecision.Outcome;
import org.junit.jupiter.api.Test;

class AutomaticMailFilterTest {

    private final AutomaticMailFilter filter = new AutomaticMailFilter();

    private Outcome outcomeOf(String mail) {
        return filter.decide(TestMail.parse(mail)).outcome();
    }

    @Test
    void customer_question_is_accepted() {
        assertThat(outcomeOf("""
                From: Anna Berg <anna@customer.example>
                To: support@hub.example
                Subject: Printer on floor 3 is jammed
                Message-ID: <a1@customer.example>

                It has been jammed since Monday.
                """)).isEqualTo(Outcome.ACCEPT);
    }

    @Test
    void out_of_office_with_auto_submitted_auto_replied_is_ignored() {
        MailDecision decision = filter.decide(TestMail.parse("""
                From: Bob <bob@customer.example>
                Subject: Automatic reply: Your ticket HUB-12
                Auto-Submitted: auto-replied

                I am out of the office until Monday.
                """));
        assertThat(decision.outcome()).isEqualTo(Outcome.IGNORE_AUTOMATIC);
        assertThat(decision.filter()).isEqualTo("automatic-mail");
        assertThat(decision.reason()).contains("auto-replied");
    }

    @Test
    void auto_submitted_no_is_a_human_mail() {
        assertThat(outcomeOf("""
                From: Bob <bob@customer.example>
                Subject: Still broken
                Auto-Submitted: no

                Still broken.
                """)).isEqualTo(Outcome.ACCEPT);
    }

    @Test
    void auto_generated_with_a_comment_is_ignored() {
        assertThat(outcomeOf("""
                From: cron@server.example
                Subject: Disk report
                Auto-Submitted: auto-generated (nightly job)

                93% used.
                """)).isEqualTo(Outcome.IGNORE_AUTOMATIC);
    }

    @Test
    void precedence_bulk_newsletter_is_ignored() {
        assertThat(outcomeOf("""
                From: News <news@shop.example>
                Subject: Spring sale
                Precedence: bulk

                50% off.
                """)).isEqualTo(Outcome.IGNORE_AUTOMATIC);
    }

    @Test
    void precedence_junk_is_ignored() {
        assertThat(outcomeOf("""
                From: someone@spam.example
                Subject: hello
                Precedence: junk

                x
                """)).isEqualTo(Outcome.IGNORE_AUTOMATIC);
    }

    @Test
    void exchange_auto_reply_with_x_auto_response_suppress_all_is_ignored() {
        assertThat(outcomeOf("""
                From: Carla <carla@corp.example>
                Subject: Re: HUB-7
                X-Auto-Response-Suppress: All

                Thanks, received.
                """)).isEqualTo(Outcome.IGNORE_AUTOMATIC);
    }

    @Test
    void mail_with_x_loop_is_ignored() {
        assertThat(outcomeOf("""
                From: helpdesk@other.example
                Subject: Re: your request
                X-Loop: helpdesk@other.example

                We received your request.
                """)).isEqualTo(Outcome.IGNORE_AUTOMATIC);
    }

    @Test
    void mail_with_x_autoreply_yes_is_ignored() {
        assertThat(outcomeOf("""
                From: dan@customer.example
                Subject: Away
                X-Autoreply: yes

                Away.
                """)).isEqualTo(Outcome.IGNORE_AUTOMATIC);
    }

    @Test
    void mail_with_x_autorespond_is_ignored() {
        assertThat(outcomeOf("""
                From: dan@customer.example
                Subject: Away
                X-Autorespond: Out of office

                Away.
                """)).isEqualTo(Outcome.IGNORE_AUTOMATIC);
    }

    @Test
    void dsn_multipart_report_is_a_bounce() {
        assertThat(outcomeOf("""
                From: Mail Delivery Subsystem <deliver@mx.example>
                Subject: Delivery Status Notification (Failure)
                Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

                --b1
                Content-Type: text/plain

                Your message could not be delivered.
                --b1
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example
                Final-Recipient: rfc822; gone@customer.example
                Action: failed
                Status: 5.1.1
                --b1--
                """)).isEqualTo(Outcome.IGNORE_BOUNCE);
    }

    @Test
    void arf_feedback_report_is_ignored_as_automatic() {
        MailDecision decision = filter.decide(TestMail.parse("""
                From: scomp@aol.net
                Subject: Email Feedback Report for IP 192.0.2.1
                Content-Type: multipart/report; report-type=feedback-report; boundary="arf"

                --arf
                Content-Type: text/plain

                This is an email abuse report.
                --arf
                Content-Type: message/feedback-report

                Feedback-Type: abuse
                --arf--
                """));
        assertThat(decision.outcome()).isEqualTo(Outcome.IGNORE_AUTOMATIC);
        assertThat(decision.reason()).contains("ARF");
    }

    @Test
    void read_receipt_is_ignored() {
        assertThat(outcomeOf("""
                From: eve@customer.example
                Subject: Read: HUB-3
                Content-Type: multipart/report; report-type=disposition-notification; boundary="m"

                --m
                Content-Type: text/plain

                Your message was read.
                --m--
                """)).isEqualTo(Outcome.IGNORE_AUTOMATIC);
    }

    @Test
    void qmail_failure_notice_from_mailer_daemon_is_a_bounce() {
        assertThat(outcomeOf("""
                From: MAILER-DAEMON@mx.example
                Subject: failure notice

                Hi. This is the qmail-send program at mx.example.
                """)).isEqualTo(Outcome.IGNORE_BOUNCE);
    }

    @Test
    void postmaster_sender_is_a_bounce() {
        assertThat(outcomeOf("""
                From: Postmaster <postmaster@corp.example>
                Subject: Undeliverable: HUB-9

                Delivery has failed.
                """)).isEqualTo(Outcome.IGNORE_BOUNCE);
    }

    @Test
    void no_reply_sender_is_ignored() {
        assertThat(outcomeOf("""
                From: Shop <no-reply@shop.example>
                Subject: Your order shipped

                Track it here.
                """)).isEqualTo(Outcome.IGNORE_AUTOMATIC);
    }

    @Test
    void noreply_sender_with_suffix_is_ignored() {
        assertThat(outcomeOf("""
                From: GitHub <noreply-notifications@github.example>
                Subject: [repo] New issue

                x
                """)).isEqualTo(Outcome.IGNORE_AUTOMATIC);
    }

    @Test
    void null_return_path_is_a_bounce() {
        assertThat(outcomeOf("""
                Return-Path: <>
                From: Mail System <system@mx.example>
                Subject: Message status

                Could not deliver.
                """)).isEqualTo(Outcome.IGNORE_BOUNCE);
    }

    @Test
    void mailing_list_mail_with_list_id_and_unsubscribe_is_ignored() {
        assertThat(outcomeOf("""
                From: Frank <frank@customer.example>
                Subject: [users] release 2.0
                List-Id: users.lists.example
                List-Unsubscribe: <mailto:users-leave@lists.example>

                Released.
                """)).isEqualTo(Outcome.IGNORE_AUTOMATIC);
    }

    @Test
    void mailing_list_mail_is_accepted_when_the_mailbox_is_a_list() {
        AutomaticMailFilter forGroups = new AutomaticMailFilter(false);
        assertThat(forGroups.decide(TestMail.parse("""
                From: Frank <frank@customer.example>
                Subject: help please
                List-Id: support.groups.example
                List-Unsubscribe: <mailto:support+unsubscribe@groups.example>

                Help.
                """)).outcome()).isEqualTo(Outcome.ACCEPT);
    }

    @Test
    void german_out_of_office_subject_without_headers_is_ignored() {
        assertThat(outcomeOf("""
                From: Gerd <gerd@kunde.example>
                Subject: Abwesenheitsnotiz: Ihr Ticket HUB-4

                Ich bin bis Montag nicht im Büro.
                """)).isEqualTo(Outcome.IGNORE_AUTOMATIC);
    }

    @Test
    void human_reply_mentioning_undeliverable_mail_is_accepted() {
        assertThat(outcomeOf("""
                From: Hana <hana@customer.example>
                Subject: Re: Undeliverable mail to our CFO?

                Yes, it bounced again.
                """)).isEqualTo(Outcome.ACCEPT);
    }
}
