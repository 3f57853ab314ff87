package dev.returnsync.spring;

import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.boot.convert.DurationStyle;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The properties table of {@code docs/spring-boot.md} names exactly the properties of the generated configuration
 * metadata, and each default it shows is the one a fresh {@link ReturnSyncProperties} holds.
 */
class PropertiesDocsTest {
    private static final Pattern ROW = Pattern.compile("^\\| `(returnsync\\.[a-z.-]+)` \\| (`([^`]*)`|—) \\|",
            Pattern.MULTILINE);
    private static final Pattern METADATA_NAME = Pattern.compile("\"name\"\\s*:\\s*\"(returnsync\\.[a-z.-]+)\"");

    @Test
    void theDocumentedPropertiesAreTheGeneratedOnesWithTheirDefaults() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "spring-boot.md"), StandardCharsets.UTF_8);
        Map<String, String> documented = new TreeMap<>();
        Matcher row = ROW.matcher(doc);
        while (row.find()) {
            documented.put(row.group(1), row.group(3));
        }
        assertEquals(metadataNames(), new TreeSet<>(documented.keySet()),
                "docs/spring-boot.md's properties table and spring-configuration-metadata.json");

        BeanWrapperImpl defaults = new BeanWrapperImpl(new ReturnSyncProperties());
        documented.forEach((name, shown) -> {
            Object actual = defaults.getPropertyValue(beanPath(name));
            if (actual == null || actual instanceof Map) {
                assertNull(shown, name + " has no default");
            } else if (actual instanceof Duration duration) {
                assertEquals(duration, DurationStyle.detectAndParse(shown), name);
            } else if (actual instanceof Enum<?> value) {
                assertEquals(value.name().toLowerCase(), shown, name);
            } else {
                assertEquals(String.valueOf(actual), shown, name);
            }
        });
    }

    private static TreeSet<String> metadataNames() throws Exception {
        TreeSet<String> names = new TreeSet<>();
        try (InputStream in = PropertiesDocsTest.class.getResourceAsStream(
                "/META-INF/spring-configuration-metadata.json")) {
            assertNotNull(in, "the configuration processor wrote the metadata");
            String metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int hints = metadata.indexOf("\"hints\"");
            // the properties come after the groups, which name their prefixes, and before the hints
            Matcher name = METADATA_NAME.matcher(metadata.substring(metadata.indexOf("\"properties\""),
                    hints < 0 ? metadata.length() : hints));
            while (name.find()) {
                names.add(name.group(1));
            }
        }
        return names;
    }

    /** {@code returnsync.fold-cache.size} as the bean path {@code foldCache.size}. */
    private static String beanPath(String property) {
        StringBuilder path = new StringBuilder();
        boolean upper = false;
        for (char c : property.substring("returnsync.".length()).toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                path.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return path.toString();
    }
}
