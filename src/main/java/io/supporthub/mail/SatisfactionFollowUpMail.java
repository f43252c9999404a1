package io.supporthub.mail;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The follow-up a customer receives after a ticket is solved: how did it go, with one link per
 * rating (1-5), each opening a page that confirms it. The links carry the survey's token, so no
 * account is needed; replying is not how to rate, since a reply reopens the ticket. Marked
 * auto-generated (RFC 3834) like every hub mail.
 */
public class SatisfactionFollowUpMail {

    private final String messageIdDomain;
    private final String fromName;
    private final String surveyBase;

    /** @param surveyBase the hub's public survey address, e.g. https://hub.example.com/survey/ */
    public SatisfactionFollowUpMail(String messageIdDomain, String fromName, String surveyBase) {
        this.messageIdDomain = messageIdDomain;
        this.fromName = fromName;
        this.surveyBase = surveyBase.endsWith("/") ? surveyBase : surveyBase + "/";
    }

    public OutboundMail render(String to, Map<String, Object> facts) {
        String key = (String) facts.get("ticket_key");
        String token = (String) facts.get("survey_token");
        String name = (String) facts.get("requester_name");
        StringBuilder text = new StringBuilder("Hello").append(name == null || name.isBlank() ? "" : " " + name).append(",\n\n")
                .append("your request ").append(key).append(" (").append(facts.get("subject")).append(") was solved.\n")
                .append("How satisfied are you with the help you received? Open the link of your answer and confirm it there:\n\n");
        String[] labels = {"very dissatisfied", "dissatisfied", "neutral", "satisfied", "very satisfied"};
        for (int score = 5; score >= 1; score--) {
            text.append("  ").append(score).append(" - ").append(labels[score - 1]).append(": ")
                    .append(surveyBase).append(token).append("?score=").append(score).append('\n');
        }
        text.append("\nIf the problem is back, reply to this mail and keep [").append(key).append("] in the subject.\n\n")
                .append("— ").append(fromName).append('\n');
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Message-ID", "<csat." + key + "." + UUID.randomUUID() + "@" + messageIdDomain + ">");
        // auto-generated, not auto-replied: it answers no message (RFC 3834 section 5)
        headers.put("Auto-Submitted", "auto-generated");
        headers.put("X-Auto-Response-Suppress", "All");
        headers.put(AcknowledgementMail.TICKET_HEADER, key);
        return new OutboundMail(to, "[" + key + "] How did we do? " + facts.get("subject"), text.toString(), headers);
    }
}
