package org.leverans.credit.account;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;



import org.leverans.contracts.Money;
import org.leverans.web.caller.Caller;
import org.leverans.web.input.MultilineText;
import org.leverans.web.problem.ApiProblem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Credit accounts for the supplier's admins: limits, expiry, blocking; one account also lists what makes up its
 * exposure, the open reservations and the unpaid invoices.
 */
@RestController
@RequestMapping("/api/admin/credit-accounts")
class CreditAccountController {

	private final CreditAccounts accounts;

	private final Receivables receivables;

	private final Clock clock;

	CreditAccountController(CreditAccounts accounts, Receivables receivables, Clock clock) {
		this.accounts = accounts;
		this.receivables = receivables;
		this.clock = clock;
	}

	@GetMapping
	AccountList all() {
		List<AccountView> items = this.accounts.findAll().stream().map(account -> view(account, false)).toList();
		return new AccountList(items, items.size());
	}

	@GetMapping("/{customerId}")
	AccountView one(@PathVariable UUID customerId) {
		return view(existing(customerId), true);
	}

	@PostMapping
	@Transactional
	ResponseEntity<AccountView> create(@Valid @RequestBody NewAccount request, Caller caller) {
		if (this.accounts.find(request.customerId()).isPresent()) {
			throw ApiProblem.conflict("credit-account-exists", "Credit account exists",
					"Customer " + request.customerId() + " already has a credit account");
		}
		this.accounts.create(new CreditAccount(request.customerId(), request.businessId(), request.companyName(),
				request.currency(), Money.cents(request.limit()), BigDecimal.ZERO, request.expiresOn(), false, null),
				caller.subject(), now());
		return ResponseEntity.status(HttpStatus.CREATED).body(view(existing(request.customerId()), true));
	}

	@PutMapping("/{customerId}/limit")
	@Transactional
	AccountView limit(@PathVariable UUID customerId, @Valid @RequestBody LimitChange request,
			Caller caller) {
		if (!this.accounts.changeLimit(customerId, Money.cents(request.limit()), request.expiresOn(),
				caller.subject(), now())) {
			throw notFound(customerId);
		}
		return view(existing(customerId), true);
	}

	@PostMapping("/{customerId}/block")
	@Transactional
	AccountView block(@PathVariable UUID customerId, @Valid @RequestBody(required = false) Block request,
			Caller caller) {
		String reason = (request != null) ? request.reason() : null;
		if (!this.accounts.block(customerId, true, reason, caller.subject(), now())) {
			throw notFound(customerId);
		}
		return view(existing(customerId), true);
	}

	@PostMapping("/{customerId}/unblock")
	@Transactional
	AccountView unblock(@PathVariable UUID customerId, Caller caller) {
		if (!this.accounts.block(customerId, false, null, caller.subject(), now())) {
			throw notFound(customerId);
		}
		return view(existing(customerId), true);
	}

	private CreditAccount existing(UUID customerId) {
		return this.accounts.find(customerId).orElseThrow(() -> notFound(customerId));
	}

	private AccountView view(CreditAccount account, boolean withReservations) {
		List<ReservationView> reservations = withReservations ? this.accounts.openReservations(account.customerId())
			.stream()
			.map(r -> new ReservationView(r.orderId(), Money.text(r.amount()), r.currency(), r.reservedBy(),
					r.reservedAt()))
			.toList() : null;
		List<ReceivableView> unpaid = withReservations ? this.receivables.open(account.customerId())
			.stream()
			.map(r -> new ReceivableView(r.invoiceId(), r.invoiceNumber(), Money.text(r.amount()),
					Money.text(r.openAmount()), r.currency(), r.dueDate()))
			.toList() : null;
		return new AccountView(account.customerId(), account.businessId(), account.companyName(),
				Money.text(account.limit()), account.currency(), Money.text(account.exposure()),
				Money.text(account.available()), account.blocked(), account.blockedReason(),
				account.limitExpiresOn(), reservations, unpaid);
	}

	private Instant now() {
		return this.clock.instant();
	}

	private static ApiProblem notFound(UUID customerId) {
		return ApiProblem.notFound("No credit account for customer " + customerId);
	}

	record LimitChange(@NotNull @DecimalMin("0.00") @Digits(integer = 15, fraction = 2) BigDecimal limit,
			@FutureOrPresent LocalDate expiresOn) {
	}

	record Block(@MultilineText @Size(max = 500) String reason) {
	}

	record NewAccount(@NotNull UUID customerId, @NotBlank @Size(max = 40) String businessId,
			@NotBlank @Size(max = 200) String companyName, @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
			@NotNull @DecimalMin("0.00") @Digits(integer = 15, fraction = 2) BigDecimal limit,
			@FutureOrPresent LocalDate expiresOn) {
	}

	record AccountList(List<AccountView> items, int total) {
	}

	record ReservationView(UUID orderId, String amount, String currency, String reservedBy, Instant reservedAt) {
	}

	/** An unpaid invoice: what it asked, what is still open, and when it was due. */
	record ReceivableView(UUID invoiceId, String invoiceNumber, String amount, String openAmount, String currency,
			LocalDate dueDate) {
	}

	record AccountView(UUID customerId, String businessId, String companyName, String limit, String currency,
			String exposure, String available, boolean blocked, String blockedReason, LocalDate limitExpiresOn,
			List<ReservationView> reservations, List<ReceivableView> receivables) {
	}
}
