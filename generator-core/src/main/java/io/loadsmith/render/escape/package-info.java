/**
 * One escaper per output language, as pure functions from a value to text that the language reads
 * back as exactly that value, never as code or as an expression of the tool.
 *
 * <p>Each escaper's contract is stated on its class: which literal context it targets (a
 * JavaScript string or template literal, a Python string, a YAML double-quoted scalar, XML text or
 * an attribute) and which of the tool's own interpolation syntaxes it neutralises. Name
 * allocators turn arbitrary text into identifiers that are valid, unreserved and unique.
 */
package io.loadsmith.render.escape;
