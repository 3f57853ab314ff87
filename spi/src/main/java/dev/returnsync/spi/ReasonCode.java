package dev.returnsync.spi;

/** Why the customer asks for a return. */
public enum ReasonCode {
    /** 七天无理由: no reason needed within the statutory window. */
    NO_REASON,
    /** The goods are faulty or of poor quality. */
    QUALITY_ISSUE,
    /** The wrong item was delivered. */
    WRONG_ITEM,
    /** The goods were damaged in transit. */
    DAMAGED_IN_TRANSIT,
    /** The goods do not match their description. */
    NOT_AS_DESCRIBED,
    /** Wrong size or fit. */
    SIZE_OR_FIT,
    /** Any other reason, explained in the text. */
    OTHER;

    /** {@return true for reasons that blame the goods, for which evidence is customarily asked} */
    public boolean isQualityComplaint() {
        return this == QUALITY_ISSUE || this == DAMAGED_IN_TRANSIT || this == NOT_AS_DESCRIBED || this == WRONG_ITEM;
    }
}
