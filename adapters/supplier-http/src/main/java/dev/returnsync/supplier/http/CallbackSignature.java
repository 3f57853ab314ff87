package dev.returnsync.supplier.http;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The signature of a supplier callback: {@code v1=} followed by the lower-case hex of
 * {@code HMAC-SHA256(secret, timestamp + "." + body)}, where {@code timestamp} is the decimal Unix time in seconds
 * sent in {@link #TIMESTAMP_HEADER} and {@code body} the exact bytes of the request body. The supplier signs, the
 * reseller's {@link SupplierWebhook} verifies; both sides share one secret per supplier.
 */
public final class CallbackSignature {
    /** The header with the Unix time, in seconds, at which the supplier signed the callback. */
    public static final String TIMESTAMP_HEADER = "X-Returnsync-Timestamp";
    /** The header with the signature, {@code v1=<hex>}. */
    public static final String SIGNATURE_HEADER = "X-Returnsync-Signature";
    /** The scheme prefix of the signature. */
    public static final String SCHEME = "v1=";

    private CallbackSignature() {
    }

    /**
     * Signs a callback.
     *
     * @param secret the secret shared with the reseller, at least 16 bytes
     * @param timestamp the Unix time in seconds sent in {@link #TIMESTAMP_HEADER}
     * @param body the exact bytes of the body
     * @return the value of {@link #SIGNATURE_HEADER}
     */
    public static String sign(byte[] secret, long timestamp, byte[] body) {
        return SCHEME + HexFormat.of().formatHex(mac(secret, timestamp, body));
    }

    /**
     * True if {@code header} is the signature of the timestamp and body under the secret; compared in constant time.
     *
     * @param secret the secret shared with the supplier
     * @param timestamp the Unix time in seconds sent in {@link #TIMESTAMP_HEADER}
     * @param body the exact bytes of the body
     * @param header the value of {@link #SIGNATURE_HEADER}, possibly null
     * @return true when it matches
     */
    public static boolean verify(byte[] secret, long timestamp, byte[] body, String header) {
        if (header == null || !header.startsWith(SCHEME)) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(SCHEME.length()).trim().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(secret, timestamp, body), given);
    }

    /** Checks a shared secret: at least 16 bytes. */
    static byte[] checkSecret(byte[] secret) {
        Objects.requireNonNull(secret, "secret must not be null");
        if (secret.length < 16) {
            throw new IllegalArgumentException("a callback secret must have at least 16 bytes, had " + secret.length);
        }
        return secret.clone();
    }

    private static byte[] mac(byte[] secret, long timestamp, byte[] body) {
        Objects.requireNonNull(body, "body must not be null");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(checkSecret(secret), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
