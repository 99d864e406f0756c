package org.leverans.agreement.agreements;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The members of agreements. They belong to the agreement, not to a version of its terms. */
@Repository
public class AgreementMembers {

	private final JdbcClient jdbc;

	AgreementMembers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The agreement's members: managers first, then orderers, then receivers, each by user name. */
	public List<AgreementMember> of(UUID agreementId) {
		return this.jdbc.sql("""
				SELECT username, name, role, site_ids FROM agreement_member WHERE agreement_id = ?
				ORDER BY array_position(ARRAY['AGREEMENT_MANAGER', 'ORDERER', 'RECEIVER'], role), username""")
			.param(agreementId)
			.query((rs, n) -> new AgreementMember(rs.getString("username"), rs.getString("name"),
					AgreementMember.Role.valueOf(rs.getString("role")), uuids(rs.getArray("site_ids"))))
			.list();
	}

	/** @return {@code false} if the user is a member of the agreement already */
	public boolean add(UUID agreementId, AgreementMember member) {
		return this.jdbc.sql("""
				INSERT INTO agreement_member (agreement_id, username, name, role, site_ids) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT DO NOTHING""")
			.params(agreementId, member.username(), member.name(), member.role().name(),
					member.siteIds().toArray(UUID[]::new))
			.update() == 1;
	}

	/** @return {@code false} if the user was not a member */
	public boolean remove(UUID agreementId, String username) {
		return this.jdbc.sql("DELETE FROM agreement_member WHERE agreement_id = ? AND username = ?")
			.params(agreementId, username)
			.update() == 1;
	}

	private static List<UUID> uuids(Array array) throws SQLException {
		return (array != null) ? Arrays.asList((UUID[]) array.getArray()) : List.of();
	}
}
