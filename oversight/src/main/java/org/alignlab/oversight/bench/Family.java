package org.alignlab.oversight.bench;

import org.alignlab.oversight.Category;

/**
 * What every tampering family of the benchmark says about itself.
 *
 * @param cliName   its name in reports and cases.jsonl
 * @param category  the taxonomy's category of its tampering
 * @param heldOut   whether no detector may be developed on it
 * @param tampering what the tampering edit or step does
 * @param contrast  what makes its honest twin legitimate
 */
public record Family(String cliName, Category category, boolean heldOut, String tampering, String contrast) {
}
