/**
 * The demo API: the bookshop of {@code samples/specs/bookshop/openapi.yaml}, served by the JDK's
 * HTTP server on 127.0.0.1, keeping a log of every request for tests to check what a load tool
 * really sent.
 */
package io.loadsmith.samples.demo;
