package org.leverans.e2e;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's API reference (Swagger UI at the gateway's {@code /api-docs.html}) in a real Chromium, under the
 * pages' Content Security Policy: every service's document, each with its operations.
 */
class ApiReferencePagesIT extends PagesSpec {

	@Test
	void aSignedInPersonBrowsesEveryServicesDocumentInOneReference() {
		Browser admin = this.browsers.desktop(gateway).signIn("/admin/delivery-accuracy.html", "admin");
		admin.go("/api-docs.html");

		// The first document is order-service's; which of its operations comes first is Swagger UI's business.
		Boolean orders = admin.waitUntil(driver -> anyPathStartsWith(driver, "/api/orders"));
		assertThat(orders).isTrue();
		Select documents = new Select(admin.waitFor(By.cssSelector(".topbar select")));
		List<String> names = documents.getOptions().stream().map(WebElement::getText).toList();
		assertThat(names).contains("order-service", "agreement-service", "credit-service", "delivery-service",
				"notification-service", "billing-service", "gateway");

		documents.selectByVisibleText("billing-service");
		Boolean invoices = admin.waitUntil(driver -> anyPathStartsWith(driver, "/api/invoices"));
		assertThat(invoices).as("billing-service's operations, after choosing its document").isTrue();
	}

	/** Whether an operation shown starts with {@code prefix}; null (keep waiting) while none does. */
	private static Boolean anyPathStartsWith(org.openqa.selenium.WebDriver driver, String prefix) {
		boolean shown = driver.findElements(By.cssSelector(".swagger-ui .opblock-summary-path"))
			.stream()
			.map(WebElement::getText)
			.anyMatch(path -> path.startsWith(prefix));
		return shown ? Boolean.TRUE : null;
	}
}
