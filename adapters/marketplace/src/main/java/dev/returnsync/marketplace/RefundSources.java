package dev.returnsync.marketplace;

import dev.returnsync.spi.ExternalVersion;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(refundId.getBytes(StandardCharsets.UTF_8));
            String hex = HexFormat.of().formatHex(digest);
            return marketplace + "." + hex.substring(0, ExternalVersion.MAX_SOURCE_LENGTH - marketplace.length() - 1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
