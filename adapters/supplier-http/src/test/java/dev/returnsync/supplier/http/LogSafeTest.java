package dev.returnsync.supplier.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Text from a request is escaped before it reaches a log line. */
class LogSafeTest {
    @Test
    void escapesEverythingThatIsNotPrintable() {
        assertEquals("evt-1 \u5546\u5e97", LogSafe.text("evt-1 \u5546\u5e97"), "printable text, CJK included, stays");
        assertEquals("\\u202eab\\u2028c\\u2029\\u000d\\u000a\\u200b\\u0000\\u005c\\ud800",
                LogSafe.text("\u202Eab\u2028c\u2029\r\n\u200B\u0000\\\uD800"));
        assertEquals("null", LogSafe.text(null));
        String cut = LogSafe.text("x".repeat(500));
        assertTrue(cut.startsWith("x".repeat(LogSafe.MAX) + "...(500 chars)"), cut);
    }
}
