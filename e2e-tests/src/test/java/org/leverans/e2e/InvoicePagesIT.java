package org.leverans.e2e;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The invoice pages in a real browser: the agreement manager's invoice history with its filters, one invoice with
 * its reference and documents, the same on a phone, the accessibility check on each, and another customer's
 * invoice told apart from nothing at all. The order's own page and customer service's timeline show the invoice.
 */
class InvoicePagesIT extends PagesSpec {

	@Test
	void anAgreementManagerFindsTheCompanysInvoiceFiltersTheListAndOpensIt() {
		Invoiced invoiced = invoicedOrder("PO-INV-PAGE");

		Browser liisa = this.browsers.desktop(gateway).signIn("/buyer/invoices.html", "liisa");
		WebElement row = liisa.waitFor(By.cssSelector("#invoices tr[data-invoice-id='" + invoiced.invoiceId() + "']"));
		assertThat(row.getText()).contains(invoiced.number()).contains("540.90 EUR").contains("Open");
		Accessibility.assertNoSeriousViolations(liisa, "the invoice history");
		liisa.screenshotForDocs("buyer-invoices");

		liisa.go("/buyer/invoices.html?purchaseOrderNumber=" + invoiced.purchaseOrder());
		liisa.waitFor(By.cssSelector("#invoices tr[data-invoice-id='" + invoiced.invoiceId() + "']"));
		assertThat(liisa.all(By.cssSelector("#invoices tbody tr"))).hasSize(1);
		liisa.go("/buyer/invoices.html?purchaseOrderNumber=PO-NOTHING-LIKE-THIS");
		assertThat(liisa.waitFor(By.cssSelector("main .empty")).getText()).isEqualTo("No invoices match these filters.");
		assertThat(liisa.all(By.cssSelector(".loading"))).isEmpty();

		liisa.go("/buyer/invoice.html?id=" + invoiced.invoiceId());
		assertThat(liisa.waitFor(By.id("reference")).getText()).startsWith("RF");
		assertThat(liisa.waitFor(By.tagName("h1")).getText()).isEqualTo("Invoice " + invoiced.number());
		assertThat(liisa.waitFor(By.id("open")).getText()).isEqualTo("540.90 EUR");
		assertThat(liisa.all(By.cssSelector("#documents a"))).extracting(WebElement::getText)
			.contains("PDF in Finnish", "PDF in Swedish", "PDF in English");
		Accessibility.assertNoSeriousViolations(liisa, "one invoice");
		liisa.screenshotForDocs("buyer-invoice");

		Browser phone = this.browsers.phone(gateway).signIn("/buyer/invoice.html?id=" + invoiced.invoiceId(), "liisa");
		phone.waitFor(By.id("reference"));
		assertThat((Long) phone.script("return document.documentElement.scrollWidth")).as("sideways scrolling")
			.isLessThanOrEqualTo((Long) phone.script("return window.innerWidth"));
		phone.go("/buyer/invoices.html");
		phone.waitFor(By.cssSelector("#invoices tr[data-invoice-id='" + invoiced.invoiceId() + "']"));
		assertThat((Long) phone.script("return document.documentElement.scrollWidth")).as("sideways scrolling")
			.isLessThanOrEqualTo((Long) phone.script("return window.innerWidth"));
	}

	@Test
	void anotherCustomersOrdererIsToldTheInvoiceIsNotTheirs() {
		Invoiced invoiced = invoicedOrder("PO-INV-NOT-ERIKS");

		Browser erik = this.browsers.desktop(gateway).signIn("/buyer/invoice.html?id=" + invoiced.invoiceId(), "erik");

		assertThat(erik.waitFor(By.id("not-found")).getText()).contains("Invoice not found");
		assertThat(erik.driver().getPageSource()).doesNotContain(invoiced.purchaseOrder());
		Accessibility.assertNoSeriousViolations(erik, "an invoice that is not the visitor's");
	}

	@Test
	void theOrderPagesShowTheInvoiceAndCustomerServiceFindsTheOrderByItsNumber() {
		Invoiced invoiced = invoicedOrder("PO-INV-ORDER");
		// order-service hears of the invoice on its own: wait for it there, not in the page
		await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> assertThat(leverans.client("rakennus-erp")
			.get("/api/orders/" + invoiced.orderId()).json().get("invoicing")).isNotEmpty());

		Browser liisa = this.browsers.desktop(gateway).signIn("/buyer/order.html?id=" + invoiced.orderId(), "liisa");
		WebElement entry = liisa.waitFor(By.cssSelector("#invoicing li[data-type='InvoiceIssued']"));
		assertThat(entry.getText()).contains("Invoiced: invoice " + invoiced.number(), "540.90 EUR", "due");
		assertThat(entry.findElement(By.tagName("a")).getAttribute("href"))
			.endsWith("/buyer/invoice.html?id=" + invoiced.invoiceId());
		Accessibility.assertNoSeriousViolations(liisa, "an order with its invoice");

		Browser sara = this.browsers.desktop(gateway).signIn("/support/search.html?q=" + invoiced.number(), "sara");
		sara.waitFor(By.cssSelector("#found tbody tr"));
		assertThat(sara.all(By.cssSelector("#found tbody tr"))).hasSize(1);
		sara.waitFor(By.cssSelector("#found tbody a")).click();
		WebElement logged = sara.waitFor(By.cssSelector("#timeline li[data-type='InvoiceIssued']"));
		assertThat(logged.getText()).contains(invoiced.number(), "540.90 EUR");
		assertThat(logged.findElement(By.tagName("a")).getAttribute("href"))
			.endsWith("/buyer/invoice.html?id=" + invoiced.invoiceId());
		Accessibility.assertNoSeriousViolations(sara, "an order's timeline with its invoice");
	}

	static Invoiced invoicedOrder(String prefix) {
		Api rakennusErp = leverans.client("rakennus-erp");
		String purchaseOrder = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		String orderId = Orders.place(rakennusErp, purchaseOrder, "CEM-25KG", 40, OrderToDeliveryIT.JATKASAARI);
		Orders.awaitStatus(rakennusErp, orderId, "ACCEPTED");
		String trackingNumber = Orders.awaitShipment(rakennusErp, orderId).get("trackingNumber").asString();
		Instant now = Instant.now();
		Api.Response reported = leverans.client("nordic-freight").post("/api/partner/v1/shipment-events",
				Map.of("events", List.of(
						OrderToDeliveryIT.partnerEvent("nf-" + UUID.randomUUID(), trackingNumber, "PICKED_UP",
								now.minusSeconds(60), null),
						OrderToDeliveryIT.partnerEvent("nf-" + UUID.randomUUID(), trackingNumber, "DELIVERED", now,
								null))));
		assertThat(reported.status()).as(reported.toString()).isEqualTo(202);
		JsonNode[] invoice = new JsonNode[1];
		await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() -> {
			JsonNode list = rakennusErp.get("/api/invoices?order=" + orderId).json();
			assertThat(list.get("items")).as(list.toString()).hasSize(1);
			invoice[0] = list.get("items").get(0);
		});
		return new Invoiced(invoice[0].get("id").asString(), invoice[0].get("number").asString(), purchaseOrder,
				orderId);
	}

	record Invoiced(String invoiceId, String number, String purchaseOrder, String orderId) {
	}
}
