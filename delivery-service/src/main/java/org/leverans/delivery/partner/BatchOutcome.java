package org.leverans.delivery.partner;

import java.util.List;

/** The answer to a posted batch: how many events were applied, how many were already known, and what was refused. */
record BatchOutcome(int accepted, int duplicates, List<Rejection> rejected) {
}
