package io.supporthub.connector.zendesk;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A Zendesk call that did not give the hub what it asked for: Zendesk refused it (with its status and
 * words), no answer came, the answer could not be read, or the hub did not send it at all (holding
 * back for a rate limit, or a file over the size limit). {@link ZendeskErrorClassifier} says what each means.
 */
public final class ZendeskException extends Exception {

    /** Why the call gave nothing. */
    public enum Problem {
        /** Zendesk answered with a status that is not a success. */
        REFUSED,
        /** No answer came: a timeout, a refused connection, an unknown host (the cause says which). */
        NO_ANSWER,
        /** A success whose body is not what the operation answers, e.g. a web page at a wrong address. */
        UNREADABLE_ANSWER,
        /** Not sent: the hub keeps under Zendesk's limit and the next call may go after {@link #heldBackFor()}. */
        HELD_BACK,
        /** Not sent or not fetched: the file is over zendesk.attachment-max-size. */
        TOO_LARGE,
        /** Not fetched: Zendesk's malware scan flagged the file. */
        MALWARE,
        /** The hub is stopping and the call was interrupted. */
        INTERRUPTED
    }

    private final ZendeskEndpoint endpoint;
    private final Problem problem;
    private final int status;
    private final ZendeskError said;
    private final String retryAfter;
    private final Duration wait;

    private ZendeskException(ZendeskEndpoint endpoint, Problem problem, int status, ZendeskError said, String retryAfter, Duration wait,
                             String message, Throwable cause) {
        super(message, cause);
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.problem = problem;
        this.status = status;
        this.said = said == null ? ZendeskError.NONE : said;
        this.retryAfter = retryAfter;
        this.wait = wait;
    }

    static ZendeskException refused(ZendeskEndpoint endpoint, int status, ZendeskError said, String retryAfter) {
        return new ZendeskException(endpoint, Problem.REFUSED, status, said, retryAfter, null,
                endpoint.title() + ": Zendesk answered HTTP " + status + (said.isEmpty() ? "" : " (" + said.said() + ")"), null);
    }

    static ZendeskException noAnswer(ZendeskEndpoint endpoint, Throwable cause) {
        return new ZendeskException(endpoint, Problem.NO_ANSWER, 0, null, null, null,
                endpoint.title() + ": no answer from Zendesk (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")", cause);
    }

    static ZendeskException unreadable(ZendeskEndpoint endpoint, int status, String contentType, Throwable cause) {
        return new ZendeskException(endpoint, Problem.UNREADABLE_ANSWER, status, null, null, null,
                endpoint.title() + ": Zendesk's answer (HTTP " + status + ", " + contentType + ") is not the JSON this operation answers", cause);
    }

    static ZendeskException heldBack(ZendeskEndpoint endpoint, Duration wait, String why) {
        return new ZendeskException(endpoint, Problem.HELD_BACK, 0, null, null, wait, endpoint.title() + ": not sent, " + why, null);
    }

    static ZendeskException tooLarge(ZendeskEndpoint endpoint, String what) {
        return new ZendeskException(endpoint, Problem.TOO_LARGE, 0, null, null, null, endpoint.title() + ": " + what, null);
    }

    static ZendeskException malware(ZendeskEndpoint endpoint, String what) {
        return new ZendeskException(endpoint, Problem.MALWARE, 0, null, null, null, endpoint.title() + ": " + what, null);
    }

    static ZendeskException interrupted(ZendeskEndpoint endpoint, InterruptedException cause) {
        return new ZendeskException(endpoint, Problem.INTERRUPTED, 0, null, null, null, endpoint.title() + ": interrupted (the hub is stopping)", cause);
    }

    public ZendeskEndpoint endpoint() {
        return endpoint;
    }

    public Problem problem() {
        return problem;
    }

    /** The HTTP status Zendesk answered with; 0 when no answer came or nothing was sent. */
    public int status() {
        return status;
    }

    /** Zendesk's own words for a refusal (error, description, details); empty otherwise. */
    public ZendeskError said() {
        return said;
    }

    /** The Retry-After header as Zendesk sent it (seconds), when it did. */
    public Optional<String> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** For a call held back: how long until it may go. */
    public Optional<Duration> heldBackFor() {
        return Optional.ofNullable(wait);
    }
}
