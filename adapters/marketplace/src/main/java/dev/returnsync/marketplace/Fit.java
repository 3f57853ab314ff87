package dev.returnsync.marketplace;

/** How well a marketplace status matches where a leg stands. */
public enum Fit {
    /** The status means what the leg's state means. */
    EXACT,
    /** No status means the same; the mapping shows the nearest one, as its note explains. */
    NEAREST,
    /** The marketplace has no refund for the leg yet, so there is no status to show. */
    NONE
}
