package dev.returnsync.supplier.http;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The active callback secrets of one supplier, in order: the supplier signs with the {@link #signing() first}, the
 * webhook accepts a signature under any of them. Holding two secrets at once lets a supplier's secret be rotated
 * without refusing a callback: add the new secret, let the supplier sign with it, then drop the old one (see
 * {@code docs/http-supplier.md}). Each secret has at least 16 bytes; at most {@link #MAX} secrets, no one twice.
 * Immutable; the secrets are copied in and out.
 */
public final class CallbackSecrets {
    /** The most secrets a supplier may have active at once. */
    public static final int MAX = 4;

    private final List<byte[]> secrets;

    private CallbackSecrets(List<byte[]> secrets) {
        this.secrets = secrets;
    }

    /**
     * The secrets, the signing one first.
     *
     * @param signing the secret the supplier signs with, at least 16 bytes
     * @param others further secrets still accepted, e.g. the previous one during a rotation
     * @return the secrets, copied
     * @throws IllegalArgumentException if a secret is shorter than 16 bytes, given twice, or there are more than
     *     {@link #MAX}
     */
    public static CallbackSecrets of(byte[] signing, byte[]... others) {
        Objects.requireNonNull(others, "others must not be null");
        List<byte[]> all = new ArrayList<>();
        all.add(CallbackSignature.checkSecret(signing));
        for (byte[] other : others) {
            byte[] secret = CallbackSignature.checkSecret(other);
            for (byte[] known : all) {
                if (MessageDigest.isEqual(known, secret)) {
                    throw new IllegalArgumentException("a callback secret must not be given twice");
                }
            }
            all.add(secret);
        }
        if (all.size() > MAX) {
            throw new IllegalArgumentException("at most " + MAX + " callback secrets per supplier, had " + all.size());
        }
        return new CallbackSecrets(List.copyOf(all));
    }

    /** {@return the secret the supplier signs with: the first} */
    public byte[] signing() {
        return secrets.get(0).clone();
    }

    /** {@return how many secrets are active} */
    public int size() {
        return secrets.size();
    }

    /**
     * True if {@code header} is the signature of the timestamp and body under any of the secrets. Every secret is
     * tried, so the time taken does not tell which one matched.
     *
     * @param timestamp the Unix time in seconds sent with the callback
     * @param body the exact bytes of the body
     * @param header the value of the signature header, possibly null
     * @return true when one secret's signature matches
     */
    public boolean verify(long timestamp, byte[] body, String header) {
        boolean matched = false;
        for (byte[] secret : secrets) {
            matched |= CallbackSignature.verify(secret, timestamp, body, header);
        }
        return matched;
    }

    @Override
    public String toString() {
        return "CallbackSecrets[" + secrets.size() + " secret(s)]";
    }
}
