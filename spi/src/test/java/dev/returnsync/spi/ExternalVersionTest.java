package dev.returnsync.spi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

@Timeout(10)
class ExternalVersionTest {
    @ParameterizedTest
    @ValueSource(strings = {"taobao", "1688", "tmall.cn", "pdd_v2", "a-b", "x"})
    void acceptsLowerCaseNamesOfLettersDigitsAndSeparators(String source) {
        assertEquals(source, ExternalVersion.of(source, 0).source());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Taobao", ".taobao", "-x", "tao bao", "淘宝", "abcdefghijklmnopqrstuvwxyz0123456"})
    void refusesOtherSourcesNamingTheRuleNotTheValue(String source) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExternalVersion.of(source, 1));
        assertFalse(!source.isEmpty() && e.getMessage().contains(source), e.getMessage());
    }

    @Test
    void refusesANegativeVersionAndANullSource() {
        assertThrows(IllegalArgumentException.class, () -> ExternalVersion.of("taobao", -1));
        assertThrows(NullPointerException.class, () -> ExternalVersion.of(null, 1));
    }
}
