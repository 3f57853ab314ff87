/**
 * A reference supplier adapter over HTTP and what goes with it; see {@code docs/http-supplier.md}.
 * <ul>
 *   <li>{@link dev.returnsync.examples.http.HttpSupplierAdapter} with {@link dev.returnsync.examples.http.HttpSupplierConfig}:
 *       the {@link dev.returnsync.spi.supplier.SupplierAdapter} over the JDK {@code HttpClient};</li>
 *   <li>{@link dev.returnsync.examples.http.SupplierWebhook}: the reseller's endpoint for signed supplier callbacks,
 *       with {@link dev.returnsync.examples.http.CallbackSignature},
 *       {@link dev.returnsync.examples.http.CallbackSecrets} (several per supplier, for rotation) and
 *       {@link dev.returnsync.examples.http.CallbackRejectedException}, served by a small non-blocking HTTP server
 *       with a read deadline per request;</li>
 *   <li>{@link dev.returnsync.examples.http.SimulatedSupplierServer}: a supplier's API on the loopback interface,
 *       with idempotency keys, the three numbering styles, signed callbacks and fault injection.</li>
 * </ul>
 */
package dev.returnsync.examples.http;
