package io.supporthub.ticket;

/** The support tier that owns a ticket. */
public enum Tier {
    T1, T2, T3, SPECIALIST, EXECUTIVE
}
