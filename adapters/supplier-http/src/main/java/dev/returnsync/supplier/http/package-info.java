/**
 * The supplier adapter over HTTP and what goes with it; see {@code docs/http-supplier.md}.
 * <ul>
 *   <li>{@link dev.returnsync.supplier.http.HttpSupplierAdapter} with {@link dev.returnsync.supplier.http.HttpSupplierConfig}:
 *       the {@link dev.returnsync.spi.supplier.SupplierAdapter} over the JDK {@code HttpClient};</li>
 *   <li>{@link dev.returnsync.supplier.http.SupplierWebhook}: the reseller's endpoint for signed supplier callbacks,
 *       with {@link dev.returnsync.supplier.http.CallbackSignature},
 *       {@link dev.returnsync.supplier.http.CallbackSecrets} (several per supplier, for rotation) and
 *       {@link dev.returnsync.supplier.http.CallbackRejectedException}; its HTTP handling takes a
 *       {@link dev.returnsync.supplier.http.WebhookRequest} and gives a
 *       {@link dev.returnsync.supplier.http.WebhookResponse}, so any HTTP server can host it, and a small
 *       non-blocking server with a read deadline per request is bundled.</li>
 * </ul>
 */
package dev.returnsync.supplier.http;
