package dev.returnsync.spi;

/** What an {@link Evidence} reference points at. */
public enum EvidenceKind {
    /** A photo of the goods, the parcel or the label. */
    PHOTO,
    /** A video, e.g. of the unboxing. */
    VIDEO,
    /** An inspection report, e.g. the supplier's quality check on receipt. */
    INSPECTION_REPORT,
    /** Any other document: a receipt, a chat export, a carrier's proof. */
    DOCUMENT
}
