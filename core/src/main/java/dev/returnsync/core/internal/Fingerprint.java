package dev.returnsync.core.internal;

import dev.returnsync.core.domain.Command;

/**
 * A digest of a command's payload, to tell "the same command again" from "another command with the same key".
 * Computed from the command's canonical text ({@link Record#toString()} of the command record, whose components
 * are records, enums, strings, numbers and instants with stable texts) with two independent 64-bit hashes
 * (FNV-1a and a multiplicative one): cheap, stable across processes and JVM runs, and collisions are
 * negligible for this use. Not API.
 */
public final class Fingerprint {
    private Fingerprint() {
    }

    /** The fingerprint of a command: 32 hex digits. */
    public static String of(Command command) {
        return of(command.toString());
    }

    /** The fingerprint of a canonical text: 32 hex digits. */
    public static String of(String text) {
        long fnv = 0xcbf29ce484222325L;
        long mul = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            fnv ^= c;
            fnv *= 0x100000001b3L;
            mul = (mul ^ c) * 0xff51afd7ed558ccdL;
            mul ^= mul >>> 29;
        }
        mul ^= text.length();
        return hex(fnv) + hex(mul);
    }

    private static String hex(long value) {
        String h = Long.toHexString(value);
        return "0".repeat(16 - h.length()) + h;
    }
}
