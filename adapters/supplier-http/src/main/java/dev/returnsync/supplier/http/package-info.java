/**
 * The supplier adapter over HTTP and what goes with it; see {@code docs/http-supplier.md}.
 * <ul>
 *   <li>{@link dev.returnsync.supplier.http.HttpSupplierAdapter} with {@link dev.returnsync.supplier.http.HttpSupplierConfig}:
 *       the {@link dev.returnsync.spi.supplier.SupplierAdapter} over the JDK {@code HttpClient};</li>
 *   <li>{@link dev.returnsync.supplier.http.SupplierWebhook}: the reseller's endpoint for signed supplier callbacks,
 *       with {@link dev.returnsync.supplier.http.CallbackSignature},
 *       {@link dev.returnsync.supplier.http.CallbackSecrets} (several per supplier, for rotation) and
 *       {@link dev.returnsync.supplier.http.CallbackRejectedException}, served by a small non-blocking HTTP server
 *       with a read deadline per request.</li>
 * </ul>
 */
package dev.returnsync.supplier.http;
