package org.leverans.credit.decision;

import java.util.List;

import org.leverans.contracts.Reason;

/** The rules' verdict on one order, with the reasons behind anything but an approval. */
public record Assessment(Verdict verdict, List<Reason> reasons) {

	public Assessment {
		reasons = List.copyOf(reasons);
	}

	public enum Verdict {

		APPROVE, REVIEW, DECLINE

	}
}
