/**
 * {@link dev.returnsync.spi.json.Json}: the strict, bounded, dependency-free JSON of the library's own formats (the
 * event encoding of {@link dev.returnsync.spi.codec.EventCodec} and the wire format of the HTTP supplier adapter),
 * public so that every module reads and writes JSON the same way.
 */
package dev.returnsync.spi.json;
