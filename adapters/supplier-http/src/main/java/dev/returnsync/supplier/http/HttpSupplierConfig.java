package dev.returnsync.supplier.http;

import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.supplier.SupplierCapabilities;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link HttpSupplierAdapter} reaches one supplier's API. Build it with {@link #builder}; each setter checks its
 * argument and names it in the {@link IllegalArgumentException}.
 *
 * @param supplier the supplier the adapter talks to
 * @param baseUri the root of the supplier's API, e.g. {@code https://api.acme.example/returns-api/}; the calls go to
 *     {@code v1/...} below it
 * @param capabilities what the supplier's system can do, declared to the engine
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for the answer of a call once connected
 * @param bearerToken the API token sent as {@code Authorization: Bearer ...}, or {@code null} for none
 * @param clock the clock used to read a {@code Retry-After} given as a date
 * @param maxResponseBytes the longest answer body read; a longer one is cut off there (1 byte to 16 MiB)
 */
public record HttpSupplierConfig(SupplierId supplier, URI baseUri, SupplierCapabilities capabilities,
                                 Duration connectTimeout, Duration requestTimeout, String bearerToken, Clock clock,
                                 int maxResponseBytes) {
    /** The default of {@link #maxResponseBytes()}: 64 KiB. */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024;
    /** The largest {@link #maxResponseBytes()} allowed: 16 MiB. */
    public static final int MAX_RESPONSE_BYTES_LIMIT = 16 * 1024 * 1024;

    /**
     * Checks the configuration and makes the base URI end with a slash.
     *
     * @param supplier the supplier the adapter talks to
     * @param baseUri the root of the supplier's API, e.g. {@code https://api.acme.example/returns-api/}; the calls go
     *     to {@code v1/...} below it
     * @param capabilities what the supplier's system can do, declared to the engine
     * @param connectTimeout how long to wait for a connection
     * @param requestTimeout how long to wait for the answer of a call once connected
     * @param bearerToken the API token sent as {@code Authorization: Bearer ...}, or {@code null} for none
     * @param clock the clock used to read a {@code Retry-After} given as a date
     * @param maxResponseBytes the longest answer body read; a longer one is cut off there (1 byte to 16 MiB)
     */
    public HttpSupplierConfig {
        Objects.requireNonNull(supplier, "supplier must not be null");
        Objects.requireNonNull(baseUri, "baseUri must not be null");
        if (!"http".equals(baseUri.getScheme()) && !"https".equals(baseUri.getScheme())) {
            throw new IllegalArgumentException("baseUri must be http or https, was " + baseUri.getScheme());
        }
        if (baseUri.getRawQuery() != null || baseUri.getRawFragment() != null) {
            throw new IllegalArgumentException("baseUri must have no query and no fragment");
        }
        if (!baseUri.getRawPath().endsWith("/")) {
            baseUri = URI.create(baseUri + "/");
        }
        Objects.requireNonNull(capabilities, "capabilities must not be null");
        positive("connectTimeout", connectTimeout);
        positive("requestTimeout", requestTimeout);
        if (bearerToken != null && (bearerToken.isBlank() || bearerToken.chars().anyMatch(c -> c < 0x21 || c > 0x7e))) {
            throw new IllegalArgumentException("bearerToken must be printable ASCII without spaces");
        }
        Objects.requireNonNull(clock, "clock must not be null");
        checkMaxResponseBytes(maxResponseBytes);
    }

    private static void checkMaxResponseBytes(int value) {
        if (value < 1 || value > MAX_RESPONSE_BYTES_LIMIT) {
            throw new IllegalArgumentException("maxResponseBytes must be at least 1 and at most "
                    + MAX_RESPONSE_BYTES_LIMIT + ", was " + value);
        }
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, () -> name + " must not be null");
        if (value.isZero() || value.isNegative() || value.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException(name + " must be above 0 and at most 10 minutes, was " + value);
        }
    }

    /**
     * The longest a call of the adapter can take: the connect timeout plus the request timeout.
     *
     * @return the connect timeout plus the request timeout
     */
    public Duration callTimeout() {
        return connectTimeout.plus(requestTimeout);
    }

    /**
     * A builder with the defaults: capabilities {@link SupplierCapabilities#push()}, connect timeout 5 s, request
     * timeout 10 s, no token, the UTC system clock, answers up to 64 KiB.
     *
     * @param supplier the supplier the adapter talks to
     * @param baseUri the root of the supplier's API; the calls go to {@code v1/...} below it
     * @return the builder
     */
    public static Builder builder(SupplierId supplier, URI baseUri) {
        return new Builder(supplier, baseUri);
    }

    /** Builds an {@link HttpSupplierConfig}. */
    public static final class Builder {
        private final SupplierId supplier;
        private final URI baseUri;
        private SupplierCapabilities capabilities = SupplierCapabilities.push();
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(10);
        private String bearerToken;
        private Clock clock = Clock.systemUTC();
        private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

        private Builder(SupplierId supplier, URI baseUri) {
            this.supplier = Objects.requireNonNull(supplier, "supplier must not be null");
            this.baseUri = Objects.requireNonNull(baseUri, "baseUri must not be null");
        }

        /**
         * What the supplier's system can do.
         *
         * @param value the capabilities, declared to the engine
         * @return this builder
         */
        public Builder capabilities(SupplierCapabilities value) {
            this.capabilities = Objects.requireNonNull(value, "capabilities must not be null");
            return this;
        }

        /**
         * How long to wait for a connection; above 0, at most 10 minutes.
         *
         * @param value the timeout
         * @return this builder
         */
        public Builder connectTimeout(Duration value) {
            positive("connectTimeout", value);
            this.connectTimeout = value;
            return this;
        }

        /**
         * How long to wait for an answer once connected; above 0, at most 10 minutes.
         *
         * @param value the timeout
         * @return this builder
         */
        public Builder requestTimeout(Duration value) {
            positive("requestTimeout", value);
            this.requestTimeout = value;
            return this;
        }

        /**
         * The API token, sent as {@code Authorization: Bearer <token>}.
         *
         * @param value the token, not null
         * @return this builder
         */
        public Builder bearerToken(String value) {
            this.bearerToken = Objects.requireNonNull(value, "bearerToken must not be null");
            return this;
        }

        /**
         * The clock used to read a {@code Retry-After} date.
         *
         * @param value the clock, not null
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock must not be null");
            return this;
        }

        /**
         * The longest answer body the adapter reads (at least 1 byte, at most 16 MiB; default 64 KiB).
         *
         * @param value the limit in bytes
         * @return this builder
         */
        public Builder maxResponseBytes(int value) {
            checkMaxResponseBytes(value);
            this.maxResponseBytes = value;
            return this;
        }

        /**
         * The configuration.
         *
         * @return the configuration, checked
         */
        public HttpSupplierConfig build() {
            return new HttpSupplierConfig(supplier, baseUri, capabilities, connectTimeout, requestTimeout, bearerToken,
                    clock, maxResponseBytes);
        }
    }
}
