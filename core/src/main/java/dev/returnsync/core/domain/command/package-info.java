/**
 * The command builders: the way to make a {@link dev.returnsync.core.domain.Command}. Start with
 * {@link dev.returnsync.core.domain.command.Commands#as(dev.returnsync.spi.Actor)}, fill the header (key, case,
 * optional expected version), pick the step, set its fields and {@code build()}. A build names every missing or bad
 * field at once, in one {@link dev.returnsync.core.domain.InvalidCommandException}.
 */
package dev.returnsync.core.domain.command;
