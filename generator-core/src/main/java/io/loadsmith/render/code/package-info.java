/**
 * Code of the output languages built in Java from escaped pieces: expressions that a template
 * prints raw through a {@code *Code} field, because a template must not decide how data becomes code.
 */
package io.loadsmith.render.code;
