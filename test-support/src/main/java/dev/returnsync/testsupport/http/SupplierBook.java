package dev.returnsync.testsupport.http;

import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.supplier.SupplierReply;
import dev.returnsync.testsupport.SimulatedSupplier.Style;
import dev.returnsync.testsupport.http.SimulatedSupplierServer.Parcel;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The returns a simulated supplier holds, and its answers to the calls of the wire format: one return per reseller
 * number, deduplicated by idempotency key per tenant (the same key with another body is refused). Thread-safe.
 */
final class SupplierBook {
    static final String PENDING = "PENDING";
    static final String ISSUED = "ISSUED";
    static final String DECLINED = "DECLINED";
    static final String RECEIVED = "RECEIVED";
    static final String INSPECTED = "INSPECTED";
    static final String CANCELLED = "CANCELLED";

    /** An answer to a call: the status, the JSON body, and whether it repeats an earlier answer for the same key. */
    record Answer(int status, Map<String, Object> body, boolean replayed) {
        static Answer error(int status, String code) {
            return new Answer(status, Map.of("error", code), false);
        }
    }

    /** A return the supplier issued a number for, as its callback names it. */
    record Issued(String tenant, String resellerNumber, String supplierNumber) {
    }

    private static final class StoredReturn {
        final String tenant;
        final String resellerNumber;
        String status;
        String supplierNumber;
        Reason declined;
        List<LineQuantity> received;
        SupplierReply.ResultReported result;
        final List<Parcel> parcels = new ArrayList<>();

        StoredReturn(String tenant, String resellerNumber, String status) {
            this.tenant = tenant;
            this.resellerNumber = resellerNumber;
            this.status = status;
        }
    }

    private record Keyed(String fingerprint, StoredReturn stored) {
    }

    private final SupplierId supplier;
    private final Style style;
    private final Map<String, StoredReturn> returns = new LinkedHashMap<>();
    private final Map<String, Keyed> requestKeys = new LinkedHashMap<>();
    private final Map<String, String> noticeKeys = new LinkedHashMap<>();
    private int sequence;

    SupplierBook(SupplierId supplier, Style style) {
        this.supplier = supplier;
        this.style = style;
    }

    // ------------------------------------------------------------------------------------------- calls

    /** {@code POST v1/returns}: a new return, or the one made for the same key. */
    Answer create(String key, byte[] body) {
        if (key == null || key.isBlank()) {
            return Answer.error(400, "missing_idempotency_key");
        }
        Map<String, Object> doc = WireDocuments.parse(body);
        String tenant = WireDocuments.text(doc, "tenant");
        String resellerNumber = WireDocuments.text(doc, "resellerNumber");
        WireDocuments.text(doc, "customerNumber");
        WireDocuments.text(doc, "outcome");
        WireDocuments.checkLines(doc, "lines");
        WireDocuments.checkReason(doc, "reason");
        String fingerprint = fingerprint(body);
        synchronized (this) {
            Keyed known = requestKeys.get(tenant + '\n' + key);
            if (known != null) {
                return known.fingerprint().equals(fingerprint) ? new Answer(200, representation(known.stored()), true)
                        : Answer.error(409, "idempotency_key_reused");
            }
            StoredReturn earlier = returns.get(id(tenant, resellerNumber));
            if (earlier != null && !earlier.status.equals(DECLINED)) {
                // a declined return may be applied for again: the customer re-applied and a new round began
                return Answer.error(409, "duplicate_return");
            }
            StoredReturn r = new StoredReturn(tenant, resellerNumber, PENDING);
            if (style == Style.NUMBER_IN_REPLY) {
                r.status = ISSUED;
                r.supplierNumber = nextNumber();
            }
            returns.put(id(tenant, resellerNumber), r);
            requestKeys.put(tenant + '\n' + key, new Keyed(fingerprint, r));
            return new Answer(style == Style.NUMBER_IN_REPLY ? 201 : 202, representation(r), false);
        }
    }

    /** {@code GET v1/returns/{tenant}/{resellerNumber}}. */
    synchronized Answer show(String tenant, String resellerNumber) {
        StoredReturn r = returns.get(id(tenant, resellerNumber));
        return r == null ? Answer.error(404, "unknown_return") : new Answer(200, representation(r), false);
    }

    /** {@code POST v1/returns/{tenant}/{resellerNumber}/tracking} or {@code .../cancel}, once per key. */
    Answer notice(String what, String tenant, String resellerNumber, String key, byte[] body) {
        if (key == null || key.isBlank()) {
            return Answer.error(400, "missing_idempotency_key");
        }
        Map<String, Object> doc = WireDocuments.parse(body);
        Parcel parcel = "tracking".equals(what)
                ? new Parcel(WireDocuments.text(doc, "carrier"), WireDocuments.text(doc, "trackingNumber")) : null;
        String fingerprint = what + '\n' + fingerprint(body);
        synchronized (this) {
            StoredReturn r = returns.get(id(tenant, resellerNumber));
            if (r == null) {
                return Answer.error(404, "unknown_return");
            }
            String known = noticeKeys.get(tenant + '\n' + key);
            if (known != null) {
                return known.equals(fingerprint) ? new Answer(200, Map.of("status", "RECORDED"), true)
                        : Answer.error(409, "idempotency_key_reused");
            }
            noticeKeys.put(tenant + '\n' + key, fingerprint);
            if (parcel != null) {
                r.parcels.add(parcel);
            } else {
                r.status = CANCELLED;
            }
            return new Answer(200, Map.of("status", "RECORDED"), false);
        }
    }

    // ------------------------------------------------------------------------------------------- staff

    /** Issues a number for every pending return. */
    synchronized List<Issued> issuePending() {
        List<Issued> issued = new ArrayList<>();
        for (StoredReturn r : returns.values()) {
            if (PENDING.equals(r.status)) {
                r.status = ISSUED;
                r.supplierNumber = nextNumber();
                issued.add(new Issued(r.tenant, r.resellerNumber, r.supplierNumber));
            }
        }
        return issued;
    }

    /** Books the receipt of a numbered return. */
    synchronized void receive(String tenant, String resellerNumber, List<LineQuantity> quantities) {
        StoredReturn r = returns.get(id(tenant, resellerNumber));
        if (r == null || r.supplierNumber == null) {
            throw new IllegalStateException("no numbered return " + resellerNumber + " at " + supplier);
        }
        r.status = RECEIVED;
        r.received = List.copyOf(quantities);
    }

    /** Books the result of the inspection of a numbered return; the receipt, if not booked, is what it accounts for. */
    synchronized void inspect(String tenant, String resellerNumber, SupplierReply.ResultReported result) {
        StoredReturn r = returns.get(id(tenant, resellerNumber));
        if (r == null || r.supplierNumber == null) {
            throw new IllegalStateException("no numbered return " + resellerNumber + " at " + supplier);
        }
        r.status = INSPECTED;
        if (r.received == null) {
            r.received = result.received();
        }
        r.result = result;
    }

    /** Declines a return. */
    synchronized void decline(String tenant, String resellerNumber, Reason reason) {
        StoredReturn r = returns.get(id(tenant, resellerNumber));
        if (r == null) {
            throw new IllegalStateException("no return " + resellerNumber + " at " + supplier);
        }
        r.status = DECLINED;
        r.declined = reason;
    }

    // ------------------------------------------------------------------------------------------- queries

    synchronized int size() {
        return returns.size();
    }

    synchronized List<Parcel> parcels(String tenant, String resellerNumber) {
        StoredReturn r = returns.get(id(tenant, resellerNumber));
        return r == null ? List.of() : List.copyOf(r.parcels);
    }

    synchronized Optional<String> status(String tenant, String resellerNumber) {
        StoredReturn r = returns.get(id(tenant, resellerNumber));
        return r == null ? Optional.empty() : Optional.of(r.status);
    }

    synchronized Optional<String> supplierNumber(String tenant, String resellerNumber) {
        StoredReturn r = returns.get(id(tenant, resellerNumber));
        return r == null ? Optional.empty() : Optional.ofNullable(r.supplierNumber);
    }

    private String nextNumber() {
        String prefix = supplier.value().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        prefix = prefix.isEmpty() ? "S" : prefix.substring(0, Math.min(8, prefix.length()));
        return prefix + "-" + String.format(Locale.ROOT, "%06d", ++sequence);
    }

    private static String id(String tenant, String resellerNumber) {
        return tenant + '\n' + resellerNumber;
    }

    private static Map<String, Object> representation(StoredReturn r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", r.status);
        out.put("resellerNumber", r.resellerNumber);
        out.put("supplierNumber", r.supplierNumber);
        if (r.declined != null) {
            out.put("reason", WireDocuments.reason(r.declined));
        }
        if (r.received != null) {
            out.put("received", WireDocuments.lines(r.received));
        }
        if (r.result != null) {
            out.put("result", WireDocuments.result(r.result));
        }
        return out;
    }

    private static String fingerprint(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
