package io.supporthub.mail.mime;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps what the sender newly wrote in a reply: drops quoted history ("On … wrote:", "Am … schrieb",
 * Outlook "Original Message" and From/Sent blocks, "&gt;" quotes) and signatures ("-- ", "Sent from my iPhone").
 * The ticket keeps the full original; this text is the comment.
 */
public final class ReplyTextExtractor {

    private static final String VERBS = "wrote|writes|schrieb|a écrit|a ecrit|escribió|escribio|ha scritto|schreef"
            + "|escreveu|skrev|kirjoitti|napisał|napisal|написал|написала|napsal|írta|yazdı|的邮件|さんは書きました";
    // The attribution line clients put above a quote; Gmail wraps it, so it may end a line later.
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "(?i)^.{0,250}\\b(" + VERBS + ")(\\s*|\\s.{0,120}:)\\s*:?\\s*$");
    private static final Pattern ATTRIBUTION_START = Pattern.compile(
            "(?i)^(On|Am|Le|El|Il|Op|Em|Den|På|W dniu|Dne)\\s.{4,}|^\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}.*");
    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile("(?i)^\\s*-{2,}\\s*(original message"
            + "|ursprüngliche nachricht|message d'origine|mensaje original|messaggio originale|oorspronkelijk bericht"
            + "|исходное сообщение)\\s*-{2,}\\s*$");
    private static final Pattern HEADER_FROM = Pattern.compile("(?i)^\\s*\\*?(from|von|de|van|da|od|от)\\s*:\\*?\\s.*");
    private static final Pattern HEADER_SENT = Pattern.compile(
            "(?i)^\\s*\\*?(sent|date|gesendet|datum|envoyé|enviado|inviato|verzonden|отправлено)\\s*:\\*?\\s.*");
    private static final Pattern RULE = Pattern.compile("^\\s*(_{10,}|-{10,})\\s*$");
    private static final Pattern SIGNATURE = Pattern.compile("^--\\s?$");
    private static final Pattern MOBILE_SIGNATURE = Pattern.compile("(?i)^\\s*(sent from my \\w+.{0,40}"
            + "|sent from (mail|yahoo mail|outlook|my mobile|samsung).{0,40}|sent with \\w+.{0,50}|sent via .{0,50}"
            + "|get outlook for .{0,30}|von meinem .{0,40} gesendet|gesendet von .{0,40}|envoyé de mon .{0,40}"
            + "|enviado desde mi .{0,40}|inviato da .{0,40})$");

    private ReplyTextExtractor() {
    }

    /** The new text of a reply; the whole text when nothing would remain (a plain forward, say). */
    public static String extract(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        List<String> lines = List.of(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
        List<String> kept = dropQuotes(lines.subList(0, historyStart(lines)));
        String result = String.join("\n", kept).replaceAll("[ \\t]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
        return result.isEmpty() ? text.strip() : result;
    }

    /** Where unquoted history or a signature begins: everything from there on is not new text. */
    private static int historyStart(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (ORIGINAL_MESSAGE.matcher(line).matches() || SIGNATURE.matcher(line).matches()
                    || MOBILE_SIGNATURE.matcher(line).matches()) {
                return i;
            }
            if (HEADER_FROM.matcher(line).matches() && sentFollows(lines, i)) {
                return i > 0 && RULE.matcher(lines.get(i - 1)).matches() ? i - 1 : i;
            }
            if (isAttribution(lines, i) && !quoteFollows(lines, i)) {
                return i; // history after an attribution that is not quoted with '>' (Outlook on the web)
            }
        }
        return lines.size();
    }

    /** Removes '>' lines and the attribution lines that introduce them; text after a quote is kept (bottom posts). */
    private static List<String> dropQuotes(List<String> lines) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.stripLeading().startsWith(">")) {
                continue;
            }
            if (isAttribution(lines, i)) {
                if (!ATTRIBUTION.matcher(line).matches()) {
                    i++; // the attribution was wrapped over two lines
                }
                continue;
            }
            kept.add(line);
        }
        return kept;
    }

    private static boolean isAttribution(List<String> lines, int i) {
        String line = lines.get(i).strip();
        if (ATTRIBUTION.matcher(line).matches()) {
            return ATTRIBUTION_START.matcher(line).matches() || line.contains("@") || line.matches(".*\\d.*");
        }
        return i + 1 < lines.size() && ATTRIBUTION_START.matcher(line).matches()
                && ATTRIBUTION.matcher(lines.get(i + 1).strip()).matches() && lines.get(i + 1).strip().length() < 40;
    }

    private static boolean quoteFollows(List<String> lines, int i) {
        for (int j = i + 1; j < lines.size() && j <= i + 4; j++) {
            String next = lines.get(j).strip();
            if (next.startsWith(">")) {
                return true;
            }
            if (!next.isEmpty() && !ATTRIBUTION.matcher(next).matches()) {
                return false;
            }
        }
        return false;
    }

    private static boolean sentFollows(List<String> lines, int i) {
        for (int j = i + 1; j < lines.size() && j <= i + 5; j++) {
            if (HEADER_SENT.matcher(lines.get(j)).matches()) {
                return true;
            }
        }
        return false;
    }
}
