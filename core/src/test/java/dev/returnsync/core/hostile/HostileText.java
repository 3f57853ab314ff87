package dev.returnsync.core.hostile;

import java.util.Random;

/** Generates text that no identifier, number or free text of the library may hold. */
final class HostileText {
    /** Code points that no text may hold anywhere (except tab and line breaks in free text and numbers). */
    static final int[] FORBIDDEN = {
            0x00, 0x01, 0x07, 0x08, 0x0B, 0x0C, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9F,     // control
            0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F,             // format, zero width
            0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2066, 0x2067, 0x2068, 0x2069,
            0xFEFF, 0xFFF9, 0xFFFB, 0x1D173, 0xE0001, 0xE007F,                           // BOM, annotations, tags
            0x2028, 0x2029,                                                             // separators
            0xFDD0, 0xFDEF, 0xFFFE, 0xFFFF, 0x1FFFE, 0x10FFFF,                          // non-characters
    };
    /** Spaces of every kind: refused around an identifier. */
    static final int[] SPACES = {0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x1680, 0x2000, 0x2007, 0x200A, 0x202F, 0x205F, 0x3000};
    /** Combining marks: refused at the start of an identifier. */
    static final int[] MARKS = {0x0300, 0x0301, 0x0327, 0x036F, 0x0483, 0x20D0, 0x20DD, 0x302A, 0xFE20};

    private HostileText() {
    }

    static int pick(Random random, int[] from) {
        return from[random.nextInt(from.length)];
    }

    /** A plausible identifier: ASCII and Chinese letters, digits and punctuation, 3 to 20 characters. */
    static String plain(Random random) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.退货单号";
        StringBuilder out = new StringBuilder();
        int length = 3 + random.nextInt(18);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /** Inserts a code point at a random place. */
    static String insert(Random random, String text, int codePoint) {
        int at = random.nextInt(text.length() + 1);
        return text.substring(0, at) + new String(Character.toChars(codePoint)) + text.substring(at);
    }

    /** An unpaired surrogate somewhere in the text. */
    static String unpaired(Random random, String text) {
        char lone = random.nextBoolean() ? (char) (0xD800 + random.nextInt(0x400)) : (char) (0xDC00 + random.nextInt(0x400));
        int at = random.nextInt(text.length() + 1);
        return text.substring(0, at) + lone + text.substring(at);
    }

    /** An identifier that breaks one rule: forbidden character, padding, leading mark, surrogate, length, blank. */
    static String badId(Random random) {
        String plain = plain(random);
        return switch (random.nextInt(7)) {
            case 0, 1 -> insert(random, plain, pick(random, FORBIDDEN));
            case 2 -> random.nextBoolean() ? new String(Character.toChars(pick(random, SPACES))) + plain
                    : plain + new String(Character.toChars(pick(random, SPACES)));
            case 3 -> new String(Character.toChars(pick(random, MARKS))) + plain;
            case 4 -> unpaired(random, plain);
            case 5 -> plain.repeat(70 / plain.length() + 1);
            default -> random.nextBoolean() ? "" : new String(Character.toChars(pick(random, SPACES))).repeat(3);
        };
    }

    /** Free text that breaks a rule: a forbidden character (other than tab and line breaks) or an unpaired surrogate. */
    static String badText(Random random) {
        String plain = plain(random) + " " + plain(random);
        if (random.nextInt(4) == 0) {
            return unpaired(random, plain);
        }
        int c;
        do {
            c = pick(random, FORBIDDEN);
        } while (c == 0x09 || c == 0x0A || c == 0x0D);
        return insert(random, plain, c);
    }
}
