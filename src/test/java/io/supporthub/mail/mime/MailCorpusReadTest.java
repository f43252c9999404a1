package io.supporthub.mail.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.supporthub.mail.filter.MailDecision;
import io.supporthub.mail.filter.MailFilterChain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Reads every corpus mail (read-only) and prints what the reader and the first filters made of each source. */
class MailCorpusReadTest {

    private static final Path CORPUS = Path.of("..", "shared", "corpus", "mail");
    // Generous for a 2-core machine shared with other builds; the stress files take well under a second.
    private static final long MAX_MILLIS_PER_MAIL = 5_000;

    /** Outcome counts for one source folder. */
    private static final class Tally {
        int parsed;
        int withWarnings;
        int rejected;
        int automatic;
        final List<String> rejections = new ArrayList<>();
    }

    @Test
    void every_corpus_mail_is_read_without_exception_into_valid_unicode() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "mail corpus absent at " + CORPUS.toAbsolutePath() + "; skipped");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(CORPUS)) {
            files = walk.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        }
        MailFilterChain chain = MailFilterChain.standard("hub.example");
        Map<String, Tally> bySource = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            String source = CORPUS.relativize(file).getName(0).toString();
            Tally tally = bySource.computeIfAbsent(source, s -> new Tally());
            byte[] raw = Files.readAllBytes(file);
            long started = System.nanoTime();
            ParsedMail mail = MimeReader.read(raw, MimeLimits.defaults());
            long millis = (System.nanoTime() - started) / 1_000_000;
            MailDecision decision = chain.decide(mail);
            check(CORPUS.relativize(file).toString(), mail, millis, problems);
            switch (decision.outcome()) {
                case REJECT_OVERSIZE, REJECT_TOO_COMPLEX -> {
                    tally.rejected++;
                    tally.rejections.add(file.getFileName() + ": " + decision.reason());
                }
                default -> {
                    if (mail.warnings().isEmpty()) {
                        tally.parsed++;
                    } else {
                        tally.withWarnings++;
                    }
                    if (decision.outcome() != MailDecision.Outcome.ACCEPT) {
                        tally.automatic++;
                    }
                }
            }
        }
        print(bySource);
        assertThat(problems).isEmpty();
        assertThat(files).hasSizeGreaterThan(300);
    }

    private static void check(String name, ParsedMail mail, long millis, List<String> problems) {
        if (!UnicodeText.isWellFormed(mail.subject()) || !UnicodeText.isWellFormed(mail.textBody())) {
            problems.add(name + ": subject or body is not valid Unicode");
        }
        if (mail.subject().contains("\uFFFD")) {
            problems.add(name + ": U+FFFD in subject [" + mail.subject() + "]");
        }
        for (MailAttachment a : mail.attachments()) {
            String f = a.filename();
            if (f != null && (f.contains("=?") || f.contains("''") && f.contains("%") || f.contains("\uFFFD"))) {
                problems.add(name + ": attachment name not decoded [" + f + "]");
            }
        }
        if (millis > MAX_MILLIS_PER_MAIL) {
            problems.add(name + ": took " + millis + " ms");
        }
    }

    private static void print(Map<String, Tally> bySource) {
        StringBuilder table = new StringBuilder("\nsource               parsed  warnings  rejected  automatic\n");
        Tally total = new Tally();
        bySource.forEach((source, t) -> {
            table.append(String.format("%-20s %6d %9d %9d %10d%n", source, t.parsed, t.withWarnings, t.rejected,
                    t.automatic));
            total.parsed += t.parsed;
            total.withWarnings += t.withWarnings;
            total.rejected += t.rejected;
            total.automatic += t.automatic;
            t.rejections.forEach(r -> table.append("    rejected ").append(r).append('\n'));
        });
        table.append(String.format("%-20s %6d %9d %9d %10d%n", "TOTAL", total.parsed, total.withWarnings,
                total.rejected, total.automatic));
        System.out.println(table);
    }

    @Test
    void tnef_blobs_yield_at_least_the_expected_attachments() throws IOException {
        Path tnefDir = CORPUS.resolve("tnef-raw");
        assumeTrue(Files.isDirectory(tnefDir), "TNEF corpus absent at " + tnefDir.toAbsolutePath() + "; skipped");
        List<Path> blobs;
        try (Stream<Path> list = Files.list(tnefDir)) {
            blobs = list.filter(p -> p.toString().endsWith(".tnef")).sorted().toList();
        }
        StringBuilder report = new StringBuilder("\nTNEF blob                         expected  got  extra\n");
        for (Path blob : blobs) {
            String base = blob.getFileName().toString().replace(".tnef", "");
            List<String> expected = Files.readAllLines(tnefDir.resolve(base + ".expected-attachments.list"),
                    StandardCharsets.UTF_8).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
            List<String> warnings = new ArrayList<>();
            List<MailAttachment> got = TnefReader.read(Files.readAllBytes(blob), Long.MAX_VALUE, warnings);
            assertThat(got).as(base).isNotNull();
            List<String> names = got.stream().map(MailAttachment::filename).toList();
            // MimeKit's lists omit some bodies and files we also extract; nothing expected may be missing.
            assertThat(names).as(base).containsAll(expected);
            List<String> extra = new ArrayList<>(names);
            expected.forEach(extra::remove);
            report.append(String.format("%-33s %8d %4d  %s%n", base, expected.size(), names.size(), extra));
        }
        System.out.println(report);
    }
}
