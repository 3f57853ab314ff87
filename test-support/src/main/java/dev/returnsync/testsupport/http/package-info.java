/**
 * {@link dev.returnsync.testsupport.http.SimulatedSupplierServer}: a supplier's return API on the loopback
 * interface that speaks the wire format of the HTTP supplier adapter ({@code docs/http-supplier.md}), written from
 * that description over the SPI alone, so that a test of the adapter checks it against a second, independent
 * implementation of the format.
 */
package dev.returnsync.testsupport.http;
