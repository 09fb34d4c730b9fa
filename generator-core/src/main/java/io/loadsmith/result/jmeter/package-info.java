/** JMeter's results files: JTL as CSV (any saved columns, any delimiter, with or without a header) and as XML. */
package io.loadsmith.result.jmeter;
