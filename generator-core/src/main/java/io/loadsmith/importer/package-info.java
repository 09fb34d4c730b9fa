/**
 * The importer SPI: an {@link io.loadsmith.importer.Importer} reads one kind of input (an OpenAPI
 * document, a HAR recording, a plan file) into a {@link io.loadsmith.model.TestPlan} and the
 * diagnostics of what it guessed or left out. Importers never see renderers, and never write into
 * what they parsed.
 */
package io.loadsmith.importer;
