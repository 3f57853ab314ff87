/**
 * {@link dev.returnsync.spi.codec.EventCodec}: a strict, dependency-free JSON encoding of every
 * {@link dev.returnsync.spi.ReturnEvent}, for stores that keep events as text. The format is described in the
 * class comment and in {@code docs/postgres.md}.
 */
package dev.returnsync.spi.codec;
