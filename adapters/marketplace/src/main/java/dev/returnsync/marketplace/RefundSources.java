package dev.returnsync.marketplace;

import dev.returnsync.spi.ExternalVersion;

import java.util.regex.Pattern;

/**
 * The source of one refund's versions: the marketplace's name, a dot and the refund id, so that the refunds of one
 * case (one per supplier's lines) keep versions of their own. A refund id that is no valid source text (upper case,
 * other characters, too long) is replaced by the start of its SHA-256, so every id gives one source, always the same.
 */
final class RefundSources {
    private static final Pattern PLAIN = Pattern.compile("[a-z0-9._-]+");

    private RefundSources() {
    }

    static String of(String marketplace, String refundId) {
        String plain = marketplace + "." + refundId;
        if (plain.length() <= ExternalVersion.MAX_SOURCE_LENGTH && PLAIN.matcher(refundId).matches()) {
            return plain;
        }
        return marketplace + "." + Sha256.hex(refundId, ExternalVersion.MAX_SOURCE_LENGTH - marketplace.length() - 1);
    }
}
