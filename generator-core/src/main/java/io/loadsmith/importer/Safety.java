package io.loadsmith.importer;

/**
 * Which operations of an API description a generated test may call. A load test must not destroy
 * data it did not create: by default an operation that changes or deletes a resource (PUT, PATCH,
 * DELETE) is called only on a resource that the same iteration created, its id taken from the
 * create's response; the others (an account-level delete, an update of an id from an example) are
 * left out and listed in the generation report. HAR recordings are replayed as recorded.
 */
public enum Safety {
    /** The default: changes and deletes only of resources the iteration created. */
    SAFE,
    /** Every selected operation, also changes and deletes of resources the test did not create. */
    INCLUDE_UNSAFE,
    /** Only GET, HEAD and OPTIONS. */
    READ_ONLY
}
