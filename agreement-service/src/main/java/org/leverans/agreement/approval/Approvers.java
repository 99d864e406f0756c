package org.leverans.agreement.approval;

import java.util.List;
import java.util.UUID;

import org.leverans.agreement.agreements.AgreementMember;
import org.leverans.agreement.agreements.AgreementMembers;

import org.springframework.stereotype.Component;

/**
 * Who may decide on an order of an agreement: the agreement's own managers. A company may have several agreements;
 * a manager of one does not decide on another's spending.
 */
@Component
class Approvers {

	private final AgreementMembers members;

	Approvers(AgreementMembers members) {
		this.members = members;
	}

	List<String> of(UUID agreementId) {
		return this.members.of(agreementId)
			.stream()
			.filter(member -> member.role() == AgreementMember.Role.AGREEMENT_MANAGER)
			.map(AgreementMember::username)
			.toList();
	}

	boolean include(UUID agreementId, String username) {
		return of(agreementId).contains(username);
	}
}
