package org.leverans.order.claims;

import java.time.Clock;
import java.util.UUID;

import org.leverans.order.core.Sha256;
import org.leverans.web.problem.ApiProblem;
import org.leverans.web.caller.Caller;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Photos of a claim: added by the customer's people while the claim is open, at most a few each, checked to be the
 * pictures they claim to be ({@link PhotoCheck}); the same picture sent again is the same photo.
 */
@Service
class ClaimPhotos {

	private final Claims claims;

	private final ClaimProperties properties;

	private final Clock clock;

	ClaimPhotos(Claims claims, ClaimProperties properties, Clock clock) {
		this.claims = claims;
		this.properties = properties;
		this.clock = clock;
	}

	/** @return the photo's id, and whether this call added it */
	@Transactional
	Added add(Claim claim, Caller caller, String contentType, byte[] bytes) {
		PhotoCheck.Checked photo = PhotoCheck.check(bytes, contentType, this.properties);
		Claim current = this.claims.lock(claim.id()).orElseThrow();
		String sha256 = Sha256.hex(bytes);
		var same = this.claims.photoWithHash(claim.id(), sha256);
		if (same.isPresent()) {
			return new Added(same.get(), false);
		}
		if (!current.isOpen()) {
			throw ApiProblem.conflict("claim-decided", "Claim already decided",
					"Claim " + current.number() + " has been decided; photos can be added while it is open.");
		}
		if (this.claims.photoCount(claim.id()) >= this.properties.maxPhotos()) {
			throw ApiProblem.conflict("too-many-photos", "Too many photos",
					"A claim keeps at most " + this.properties.maxPhotos() + " photos.");
		}
		UUID id = UUID.randomUUID();
		this.claims.insertPhoto(id, claim.id(), photo, sha256, caller.subject(), this.clock.instant());
		return new Added(id, true);
	}

	Claims.StoredPhoto photo(Claim claim, UUID photoId) {
		return this.claims.photo(claim.id(), photoId)
			.orElseThrow(() -> ApiProblem.notFound("Claim " + claim.number() + " has no photo " + photoId));
	}

	record Added(UUID id, boolean created) {
	}
}
