package dev.returnsync.testsupport.http;

import dev.returnsync.spi.Evidence;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.supplier.SupplierReply;
import dev.returnsync.spi.json.Json;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The documents of the wire format as the simulated supplier reads and writes them. It checks what a careful
 * supplier checks (required fields present and of their type), no more: a field it finds wrong makes the call
 * {@code 422 invalid_request}, by an {@link IllegalArgumentException} or a {@link dev.returnsync.spi.json.JsonException}.
 */
final class WireDocuments {
    /** The content type of every body. */
    static final String JSON = "application/json; charset=utf-8";

    private WireDocuments() {
    }

    static Map<String, Object> parse(byte[] body) {
        return Json.parseObject(new String(body, StandardCharsets.UTF_8));
    }

    static byte[] bytes(Map<String, Object> document) {
        return Json.write(document).getBytes(StandardCharsets.UTF_8);
    }

    /** A field that must hold a non-blank string. */
    static String text(Map<String, Object> document, String field) {
        if (document.get(field) instanceof String s && !s.isBlank()) {
            return s;
        }
        throw new IllegalArgumentException("field '" + field + "' must be a non-blank string");
    }

    /** A field that must hold a non-empty array of {@code {"sku": string, "quantity": number}}. */
    static void checkLines(Map<String, Object> document, String field) {
        if (!(document.get(field) instanceof List<?> lines) || lines.isEmpty()) {
            throw new IllegalArgumentException("field '" + field + "' must be a non-empty array");
        }
        for (Object line : lines) {
            if (!(line instanceof Map<?, ?> fields) || !(fields.get("sku") instanceof String)
                    || !(fields.get("quantity") instanceof Long quantity) || quantity < 0) {
                throw new IllegalArgumentException("field '" + field + "' must hold lines of a sku and a quantity");
            }
        }
    }

    /** A field that must hold {@code {"code": string, ...}}. */
    static void checkReason(Map<String, Object> document, String field) {
        if (!(document.get(field) instanceof Map<?, ?> reason) || !(reason.get("code") instanceof String)) {
            throw new IllegalArgumentException("field '" + field + "' must be an object with a code");
        }
    }

    static List<Object> lines(List<LineQuantity> quantities) {
        List<Object> out = new ArrayList<>();
        for (LineQuantity quantity : quantities) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("sku", quantity.sku().value());
            line.put("quantity", (long) quantity.quantity());
            out.add(line);
        }
        return out;
    }

    static Map<String, Object> reason(Reason reason) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", reason.code().name());
        out.put("text", reason.text());
        out.put("evidence", evidence(reason.evidence()));
        return out;
    }

    /** An inspection's result: lines, note, restocking fee (when there is one) and evidence. */
    static Map<String, Object> result(SupplierReply.ResultReported result) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accepted", lines(result.accepted()));
        out.put("rejected", lines(result.rejected()));
        out.put("note", result.note());
        if (result.restockingFee() != null) {
            out.put("restockingFee", Map.of("currency", result.restockingFee().currency().getCurrencyCode(),
                    "amount", result.restockingFee().amount().toPlainString()));
        }
        out.put("evidence", evidence(result.evidence()));
        return out;
    }

    private static List<Object> evidence(List<Evidence> evidence) {
        List<Object> out = new ArrayList<>();
        for (Evidence e : evidence) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("kind", e.kind().name());
            item.put("reference", e.reference());
            out.add(item);
        }
        return out;
    }

    /** A percent-encoded path segment, decoded. */
    static String segment(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
