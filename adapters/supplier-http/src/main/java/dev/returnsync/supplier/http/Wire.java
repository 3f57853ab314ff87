package dev.returnsync.supplier.http;

import dev.returnsync.spi.Evidence;
import dev.returnsync.spi.EvidenceKind;
import dev.returnsync.spi.InvalidAmountException;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.Sku;
import dev.returnsync.spi.json.Json;
import dev.returnsync.spi.json.JsonException;
import dev.returnsync.spi.supplier.SupplierReply;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pieces of the wire format shared by the adapter and the webhook (see
 * {@code docs/http-supplier.md}): field readers that fail with {@link WireException}, and the encodings of lines,
 * reasons and path segments.
 */
final class Wire {
    /** The header that carries the idempotency key of a call. */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** The header a server sets when it answers a repeated key from what it stored. */
    static final String REPLAYED = "Idempotent-Replayed";
    static final String JSON = "application/json; charset=utf-8";

    /** Return states on the wire. */
    static final String PENDING = "PENDING";
    static final String ISSUED = "ISSUED";
    static final String DECLINED = "DECLINED";
    static final String RECEIVED = "RECEIVED";
    static final String INSPECTED = "INSPECTED";
    static final String CANCELLED = "CANCELLED";

    private Wire() {
    }

    /** A document or field that does not follow the wire format. */
    static final class WireException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WireException(String message) {
            super(message);
        }
    }

    static Map<String, Object> parse(byte[] body) {
        try {
            return Json.parseObject(utf8(body));
        } catch (JsonException e) {
            throw new WireException(e.getMessage());
        }
    }

    /**
     * Decodes UTF-8 strictly: malformed or unmappable bytes are refused, never replaced by U+FFFD (which would let
     * different byte strings, e.g. two callback ids, decode to the same text).
     */
    static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new WireException("not valid UTF-8");
        }
    }

    static byte[] bytes(Map<String, Object> document) {
        return Json.write(document).getBytes(StandardCharsets.UTF_8);
    }

    static String string(Map<String, Object> doc, String field) {
        Object value = doc.get(field);
        if (!(value instanceof String s) || s.isBlank()) {
            throw new WireException("field '" + field + "' must be a non-blank string");
        }
        return s;
    }

    static String optionalString(Map<String, Object> doc, String field) {
        Object value = doc.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw new WireException("field '" + field + "' must be a string or null");
        }
        return s;
    }

    static long integer(Map<String, Object> doc, String field) {
        Object value = doc.get(field);
        if (!(value instanceof Long n)) {
            throw new WireException("field '" + field + "' must be an integer");
        }
        return n;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value, String field) {
        if (!(value instanceof Map)) {
            throw new WireException("field '" + field + "' must be an object");
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> array(Object value, String field) {
        if (!(value instanceof List)) {
            throw new WireException("field '" + field + "' must be an array");
        }
        return (List<Object>) value;
    }

    static List<Object> lines(List<LineQuantity> quantities) {
        List<Object> out = new ArrayList<>();
        for (LineQuantity q : quantities) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("sku", q.sku().value());
            line.put("quantity", (long) q.quantity());
            out.add(line);
        }
        return out;
    }

    static List<LineQuantity> readLines(Object value, String field) {
        List<LineQuantity> out = new ArrayList<>();
        for (Object element : array(value, field)) {
            Map<String, Object> line = object(element, field + "[]");
            long quantity = integer(line, "quantity");
            if (quantity < 0 || quantity > Integer.MAX_VALUE) {
                throw new WireException("field 'quantity' is out of range");
            }
            try {
                out.add(new LineQuantity(Sku.of(string(line, "sku")), (int) quantity));
            } catch (IllegalArgumentException e) {
                throw new WireException("field 'sku' is not a valid SKU");
            }
        }
        return out;
    }

    static Map<String, Object> reason(Reason reason) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", reason.code().name());
        out.put("text", reason.text());
        List<Object> evidence = new ArrayList<>();
        for (Evidence e : reason.evidence()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("kind", e.kind().name());
            item.put("reference", e.reference());
            evidence.add(item);
        }
        out.put("evidence", evidence);
        return out;
    }

    static Reason readReason(Object value) {
        Map<String, Object> doc = object(value, "reason");
        ReasonCode code;
        try {
            code = ReasonCode.valueOf(string(doc, "code"));
        } catch (IllegalArgumentException e) {
            throw new WireException("field 'reason.code' is not a known reason code");
        }
        String text = doc.get("text") == null ? "" : optionalString(doc, "text");
        try {
            return new Reason(code, text, readEvidence(doc.get("evidence"), "reason.evidence"));
        } catch (IllegalArgumentException e) {
            throw new WireException("field 'reason' is out of range");
        }
    }

    /**
     * Evidence references, absent or null for none: an array of {@code {"kind","reference"}} or plain strings, read
     * as documents.
     */
    static List<Evidence> readEvidence(Object value, String field) {
        List<Evidence> evidence = new ArrayList<>();
        if (value == null) {
            return evidence;
        }
        for (Object element : array(value, field)) {
            if (element instanceof String reference) {
                evidence.add(Evidence.of(EvidenceKind.DOCUMENT, reference));
                continue;
            }
            Map<String, Object> doc = object(element, field);
            EvidenceKind kind;
            try {
                kind = EvidenceKind.valueOf(string(doc, "kind"));
            } catch (IllegalArgumentException e) {
                throw new WireException("field '" + field + ".kind' is not a known evidence kind");
            }
            evidence.add(Evidence.of(kind, string(doc, "reference")));
        }
        return evidence;
    }

    /**
     * An inspection's result, as a {@code RESULT_REPORTED} callback and the {@code result} of an {@code INSPECTED}
     * return carry it: {@code accepted} and {@code rejected} lines, an optional {@code note} (absent or null for
     * none), {@code restockingFee} and {@code evidence}.
     */
    static SupplierReply.ResultReported readResult(Map<String, Object> doc) {
        List<LineQuantity> accepted = readLines(doc.get("accepted"), "accepted");
        List<LineQuantity> rejected = readLines(doc.get("rejected"), "rejected");
        String note = doc.get("note") == null ? "" : optionalString(doc, "note");
        Money fee = readMoney(doc.get("restockingFee"), "restockingFee");
        List<Evidence> evidence = readEvidence(doc.get("evidence"), "evidence");
        try {
            return new SupplierReply.ResultReported(accepted, rejected, note, fee, evidence);
        } catch (IllegalArgumentException e) {
            throw new WireException("the result breaks a rule of its fields");
        }
    }

    /**
     * An amount, absent or null for none: {@code {"currency": "CNY", "amount": "5.00"}}, the amount a plain decimal
     * string in major units (never a JSON number, which would invite rounding).
     */
    static Money readMoney(Object value, String field) {
        if (value == null) {
            return null;
        }
        Map<String, Object> doc = object(value, field);
        try {
            return Money.of(string(doc, "currency"), string(doc, "amount"));
        } catch (InvalidAmountException e) {
            throw new WireException("field '" + field + "' is not a valid amount");
        }
    }

    /** Percent-encodes a path segment: every byte outside {@code A-Z a-z 0-9 - . _ ~} as {@code %XX} of UTF-8. */
    static String segment(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** Decodes a percent-encoded path segment (as sent by {@link #segment}). */
    static String decodeSegment(String raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new WireException("bad percent-encoding in the path");
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new WireException("bad percent-encoding in the path");
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else if (c < 128) {
                out.write(c);
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(utf8, 0, utf8.length);
            }
        }
        return utf8(out.toByteArray());
    }
}
