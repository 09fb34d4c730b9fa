package io.loadsmith.render.escape;

/** Turns a value into text that is read back as exactly that value in one literal context. */
@FunctionalInterface
public interface Escaper {
    String escape(String value);
}
