package io.supporthub.mail.mime;

/** Which {@link MimeLimits} bound a mail crossed; the reader stops unpacking at the bound and says so here. */
public enum LimitBreach {
    /** Raw mail larger than the total limit: only headers were read. */
    TOTAL_SIZE,
    /** More MIME entities than allowed: the rest were not walked. */
    PART_COUNT,
    /** Nested deeper than allowed: deeper entities were not walked. */
    NESTING_DEPTH,
    /** An attachment larger than allowed: its metadata is kept, its bytes are not. */
    ATTACHMENT_SIZE
}
