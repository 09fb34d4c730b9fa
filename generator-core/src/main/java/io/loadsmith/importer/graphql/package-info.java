/**
 * GraphQL schemas (SDL or introspection results) and operation documents into plans of GraphQL
 * operations, read with graphql-java.
 */
package io.loadsmith.importer.graphql;
