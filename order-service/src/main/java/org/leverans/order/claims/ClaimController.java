package org.leverans.order.claims;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.leverans.order.core.Orders;
import org.leverans.order.core.StoredLine;
import org.leverans.order.placement.RequestChecks;
import org.leverans.web.caller.Caller;
import org.leverans.web.problem.ApiProblem;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer's side of claims: the orderer, an agreement manager or a receiver of the goods files a claim about
 * delivered goods, adds photos to it and follows it. Someone else's order or claim is simply not there, whatever
 * the body.
 */
@RestController
class ClaimController {

	private final ClaimFiling filing;

	private final ClaimPhotos photos;

	private final Claims claims;

	private final Orders orders;

	private final RequestChecks checks;

	ClaimController(ClaimFiling filing, ClaimPhotos photos, Claims claims, Orders orders, RequestChecks checks) {
		this.filing = filing;
		this.photos = photos;
		this.claims = claims;
		this.orders = orders;
		this.checks = checks;
	}

	@PostMapping("/api/orders/{id}/claims")
	ResponseEntity<Claim> file(Caller caller, @PathVariable UUID id,
			@RequestHeader(name = RequestChecks.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
			@RequestBody(required = false) FileClaimRequest request) {
		this.filing.claimable(id, caller);
		this.checks.check(idempotencyKey, request);
		ClaimFiling.Filed filed = this.filing.file(id, caller, idempotencyKey, request);
		return ResponseEntity.status(filed.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.location(java.net.URI.create("/api/claims/" + filed.claim().id()))
			.body(filed.claim());
	}

	@GetMapping("/api/orders/{id}/claims")
	List<Claim> ofOrder(Caller caller, @PathVariable UUID id) {
		if (!caller.isStaff()) {
			this.filing.claimable(id, caller);
		}
		else if (this.orders.find(id).isEmpty()) {
			throw ApiProblem.notFound("Order " + id + " does not exist.");
		}
		return this.claims.ofOrder(id).stream().filter(claim -> maySee(caller, claim)).toList();
	}

	@GetMapping("/api/claims/{claimId}")
	Claim claim(Caller caller, @PathVariable UUID claimId) {
		return visible(caller, claimId);
	}

	@PostMapping(path = "/api/claims/{claimId}/photos")
	ResponseEntity<ClaimPhotos.Added> addPhoto(Caller caller, @PathVariable UUID claimId,
			@RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
			@RequestBody(required = false) byte[] photo) {
		Claim claim = visible(caller, claimId);
		if (caller.isStaff()) {
			throw ApiProblem.forbidden("Photos are added by the customer's people.");
		}
		ClaimPhotos.Added added = this.photos.add(claim, caller, contentType, photo);
		return ResponseEntity.status(added.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.location(java.net.URI.create("/api/claims/" + claimId + "/photos/" + added.id()))
			.body(added);
	}

	/**
	 * The photo as it was checked to be, never as something a browser might sniff or run: its own type, no sniffing,
	 * a sandbox, shown inline under a name we make.
	 */
	@GetMapping("/api/claims/{claimId}/photos/{photoId}")
	ResponseEntity<byte[]> photo(Caller caller, @PathVariable UUID claimId, @PathVariable UUID photoId) {
		Claim claim = visible(caller, claimId);
		Claims.StoredPhoto photo = this.photos.photo(claim, photoId);
		String extension = "image/png".equals(photo.contentType()) ? "png" : "jpg";
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(photo.contentType()))
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "default-src 'none'; sandbox")
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
				.filename("claim-" + claim.number() + "-" + photoId.toString().substring(0, 8) + "." + extension)
				.build()
				.toString())
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
			.body(photo.content());
	}

	private Claim visible(Caller caller, UUID claimId) {
		return this.claims.find(claimId)
			.filter(claim -> maySee(caller, claim))
			.orElseThrow(() -> ApiProblem.notFound("Claim " + claimId + " does not exist."));
	}

	/** Staff, the customer's buyers, and receivers at a site some claimed goods went to. */
	private boolean maySee(Caller caller, Claim claim) {
		if (caller.isStaff() || caller.isBuyerOf(claim.customerId())) {
			return true;
		}
		if (!caller.isReceiver()) {
			return false;
		}
		List<Integer> claimed = claim.lines().stream().map(Claim.Line::lineNo).toList();
		return this.orders.lines(claim.orderId())
			.stream()
			.filter(line -> claimed.contains(line.lineNo()))
			.map(StoredLine::siteId)
			.anyMatch(caller::receivesAt);
	}
}
