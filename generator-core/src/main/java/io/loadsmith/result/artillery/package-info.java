/** Artillery's --output JSON report, versions 1 and 2. */
package io.loadsmith.result.artillery;
