/**
 * HAR 1.2 (and 1.1) recordings into plans: the reader, the filters that keep what can be replayed,
 * correlation of values that responses produced, and scrubbing of secrets into environment variables.
 */
package io.loadsmith.importer.har;
