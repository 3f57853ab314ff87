package dev.returnsync.core.domain.command;

/**
 * What a builder fills in for a field the caller leaves unset, in words. Each builder states its own next to the
 * code that fills them in ({@link CommandBuilder#defaults()}); the command reference in {@code docs/commands.md}
 * is generated from them.
 *
 * @param field the record component
 * @param value what the field holds when it is not set
 */
record FieldDefault(String field, String value) {
}
