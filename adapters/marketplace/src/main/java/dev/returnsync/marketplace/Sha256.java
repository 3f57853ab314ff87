package dev.returnsync.marketplace;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The start of a text's SHA-256, in hex: a stable stand-in for a text too long or too odd to use as it is. */
final class Sha256 {
    private Sha256() {
    }

    /** {@return the first {@code digits} hex digits (at most 64) of the SHA-256 of the text's UTF-8} */
    static String hex(String text, int digits) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, digits);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
