/**
 * The demo that the README runs: {@link dev.returnsync.examples.demo.Demo}. It prints, step by step in the words of
 * the seed's two tables, how one shop and three suppliers of different styles process returns, on the in-memory
 * store or on PostgreSQL. See {@code docs/demo.md}.
 */
package dev.returnsync.examples.demo;
