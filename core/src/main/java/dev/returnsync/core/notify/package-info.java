/**
 * Ready {@link dev.returnsync.spi.notify.Notifier}s: {@link dev.returnsync.core.notify.LoggingNotifier}, the
 * engine's default, and {@link dev.returnsync.core.notify.NoopNotifier}.
 */
package dev.returnsync.core.notify;
