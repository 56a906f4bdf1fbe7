package org.tribune.web.console;

/**
 * Fired synchronously by {@link ConsoleSchema}'s check once it has brought the {@code console_*}
 * tables up to date, before it reports UP: what the console needs in those tables before anyone
 * signs in (the first administrator, {@code security.FirstAdmin}) observes it. An observer that
 * throws keeps the check DOWN with its message, and the next check fires it again.
 */
public record ConsoleSchemaMigrated() {}
