package dev.returnsync.supplier.http;

import dev.returnsync.spi.ReturnSyncException;
import dev.returnsync.spi.SupplierId;

import java.util.Objects;

/**
 * {@link SupplierWebhook} refused a supplier callback; nothing was changed. {@link #reason()} says why and maps to
 * the HTTP status the webhook answers ({@link Reason#httpStatus()}). The message names the supplier (escaped: it may
 * come from an unauthenticated path) and the reason, never the body.
 */
public final class CallbackRejectedException extends ReturnSyncException {
    private static final long serialVersionUID = 1L;

    /** Why a callback was refused. */
    public enum Reason {
        /** No secret is configured for the supplier of the path: 404. */
        UNKNOWN_SUPPLIER(404, "unknown_supplier"),
        /** The timestamp or signature header is missing or malformed: 401. */
        UNSIGNED(401, "unsigned"),
        /** The timestamp is outside the tolerance window: 401. */
        STALE(401, "stale_timestamp"),
        /** The signature does not match the body and timestamp under the supplier's secret: 401. */
        FORGED(401, "bad_signature"),
        /** A callback with this id was applied within the window already: 409; the supplier treats it as delivered. */
        REPLAYED(409, "replayed"),
        /** The body is not a callback of the wire format: 400. */
        MALFORMED(400, "malformed"),
        /** The body is larger than the webhook accepts: 413. */
        TOO_LARGE(413, "too_large"),
        /**
         * No return with that reseller number in that tenant that has a leg of this supplier: 404. The same answer
         * whether the return is missing, in another tenant or another supplier's, so a supplier learns no numbers.
         */
        UNKNOWN_RETURN(404, "unknown_return"),
        /**
         * The workflow refuses the step now (e.g. the leg is not waiting for it): 422. Not remembered: the same
         * callback sent again is judged afresh, and applied once the return is ready for it.
         */
        REFUSED(422, "refused"),
        /** The callback id was applied before with another content: 409. */
        CONFLICT(409, "id_conflict"),
        /** The engine could not apply the callback now (contention, storage); the supplier should retry: 503. */
        UNAVAILABLE(503, "unavailable");

        private final int httpStatus;
        private final String code;

        Reason(int httpStatus, String code) {
            this.httpStatus = httpStatus;
            this.code = code;
        }

        /** {@return the HTTP status the webhook answers} */
        public int httpStatus() {
            return httpStatus;
        }

        /** {@return the error code in the JSON body of the answer} */
        public String code() {
            return code;
        }
    }

    /** The supplier named by the callback's path. */
    private final SupplierId supplier;
    /** Why the callback was refused. */
    private final Reason reason;

    /**
     * A refusal.
     *
     * @param supplier the supplier of the path, or {@code null} if the path named none
     * @param reason why
     * @param detail a few words without personal data
     */
    public CallbackRejectedException(SupplierId supplier, Reason reason, String detail) {
        super("callback of supplier " + (supplier == null ? "null" : LogSafe.text(supplier.value())) + " refused ("
                + Objects.requireNonNull(reason, "reason") + "): " + detail);
        this.supplier = supplier;
        this.reason = reason;
    }

    /** {@return the supplier of the path, or {@code null}} */
    public SupplierId supplier() {
        return supplier;
    }

    /** {@return why the callback was refused} */
    public Reason reason() {
        return reason;
    }

    /** {@return the HTTP status for the refusal} */
    public int httpStatus() {
        return reason.httpStatus();
    }
}
