/**
 * The {@code loadsmith} command: one picocli command class per subcommand, thin over the core.
 * Exit codes are mapped in one place ({@link io.loadsmith.cli.ExitCodes}), and only
 * {@link io.loadsmith.cli.Main} calls {@code System.exit}.
 */
package io.loadsmith.cli;
