/**
 * OpenAPI 3.0 and 3.1 and Swagger 2.0 import: the only package that sees {@code io.swagger.*}.
 *
 * <p>{@link io.loadsmith.importer.openapi.SpecLoader} reads the document and every local file it
 * refers to with bounded parsers and bundles them into one self-contained tree, so swagger-parser
 * never opens a file or a URL itself; {@link io.loadsmith.importer.openapi.SpecValidator} rejects
 * what cannot be a test with a located message; {@link io.loadsmith.importer.openapi.OpenApiImporter}
 * turns operations into request steps with sample data from
 * {@link io.loadsmith.importer.openapi.SampleGenerator}.
 */
package io.loadsmith.importer.openapi;
