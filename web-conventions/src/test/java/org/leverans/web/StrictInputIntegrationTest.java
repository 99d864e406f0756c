package org.leverans.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.leverans.contracts.TokenClaims;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The input rules every service gets from the conventions: strict types, clean and bounded text, known parameters. */
@SpringBootTest(classes = WebConventionsApplication.class)
@AutoConfigureMockMvc
class StrictInputIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void refusesNulCharacterNamingTheField() throws Exception {
		refused("{\"purchaseOrderNumber\":\"PO-\\u00001\"}", "purchaseOrderNumber", "CONTROL_CHARACTER");
		refused("{\"lines\":[{\"productCode\":\"CEM\\u0000\",\"quantity\":1}]}", "lines[0].productCode",
				"CONTROL_CHARACTER");
		refused("{\"tags\":[\"ok\",\"bad\\u0007\"]}", "tags[1]", "CONTROL_CHARACTER");
	}

	@Test
	void refusesControlCharactersInDatesIdsAndConstantsThatJacksonWouldTrim() throws Exception {
		refused("{\"date\":\"\\u00002026-12-03\"}", "date", "CONTROL_CHARACTER");
		refused("{\"mode\":\"COMPLETE\\u0007\"}", "mode", "CONTROL_CHARACTER");
		place("{\"date\":\"2026-12-03\",\"mode\":\"COMPLETE\"}").andExpect(status().isOk());
	}

	@Test
	void allowsLineBreaksOnlyInMultilineText() throws Exception {
		place("{\"note\":\"Crane on site\\n\\tfrom 7\\r\\n\"}").andExpect(status().isOk());
		refused("{\"note\":\"Crane\\u0000\"}", "note", "CONTROL_CHARACTER");
		refused("{\"purchaseOrderNumber\":\"PO\\n4711\"}", "purchaseOrderNumber", "CONTROL_CHARACTER");
		refused("{\"comment\":\"tab\\there\"}", "comment", "CONTROL_CHARACTER");
	}

	@Test
	void refusesControlCharactersInMapKeys() throws Exception {
		place("{\"channels\":{\"em\\u0000ail\":[\"x\"]}}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].code").value("CONTROL_CHARACTER"));
	}

	@Test
	void boundsEveryStringByItsSizeOrTheDefault() throws Exception {
		refused("{\"purchaseOrderNumber\":\"" + "x".repeat(65) + "\"}", "purchaseOrderNumber", "INVALID_SIZE");
		refused("{\"comment\":\"" + "x".repeat(1001) + "\"}", "comment", "INVALID_SIZE");
		place("{\"comment\":\"" + "x".repeat(1000) + "\",\"note\":\"" + "y".repeat(2000) + "\"}")
			.andExpect(status().isOk());
	}

	@Test
	void coercesNoScalarIntoAString() throws Exception {
		refused("{\"purchaseOrderNumber\":1.5}", "purchaseOrderNumber", "INVALID_VALUE");
		refused("{\"note\":true}", "note", "INVALID_VALUE");
		refused("{\"tags\":[42]}", "tags[0]", "INVALID_VALUE");
		refused("{\"purchaseOrderNumber\":{\"a\":1}}", "purchaseOrderNumber", "INVALID_VALUE");
	}

	@Test
	void coercesNoStringIntoANumberBooleanOrEnum() throws Exception {
		refused("{\"lines\":[{\"productCode\":\"A\",\"quantity\":\"1\"}]}", "lines[0].quantity", "INVALID_VALUE");
		refused("{\"lines\":[{\"productCode\":\"A\",\"quantity\":1.5}]}", "lines[0].quantity", "INVALID_VALUE");
		refused("{\"lines\":[{\"productCode\":\"A\",\"quantity\":true}]}", "lines[0].quantity", "INVALID_VALUE");
		refused("{\"urgent\":\"true\"}", "urgent", "INVALID_VALUE");
		refused("{\"urgent\":1}", "urgent", "INVALID_VALUE");
		refused("{\"mode\":0}", "mode", "INVALID_VALUE");
		refused("{\"mode\":\"SOMETIMES\"}", "mode", "INVALID_VALUE");
	}

	@Test
	void takesMoneyAsTheStringItTravelsAs() throws Exception {
		place("{\"amount\":\"336.00\"}").andExpect(status().isOk()).andExpect(jsonPath("$.amount").value(336.00));
		place("{\"amount\":336.5}").andExpect(status().isOk());
		refused("{\"amount\":\"lots\"}", "amount", "INVALID_VALUE");
		refused("{\"amount\":\"\\u0000336.00\"}", "amount", "INVALID_VALUE");
		refused("{\"amount\":\" 336.00\"}", "amount", "INVALID_VALUE");
		refused("{\"amount\":\"1e400\"}", "amount", "INVALID_VALUE");
	}

	@Test
	void refusesFieldGivenTwiceAndBodyOfTheWrongShape() throws Exception {
		place("{\"note\":\"a\",\"note\":\"b\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].code").value("MALFORMED_JSON"));
		refused("[]", "body", "INVALID_VALUE");
		refused("\"order\"", "body", "INVALID_VALUE");
	}

	@Test
	void refusesUnknownQueryParameterNamingIt() throws Exception {
		this.mvc.perform(get("/orders?page=1&sort=name").with(orderer()))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("sort"))
			.andExpect(jsonPath("$.errors[0].code").value("UNKNOWN_FIELD"));
		this.mvc.perform(get("/orders?page=1&q=cement").with(orderer()))
			.andExpect(status().isOk());
	}

	@Test
	void refusesControlCharactersInQueryParametersAndPathVariables() throws Exception {
		this.mvc.perform(get("/orders?page=1&q={q}", "ce\u0000ment").with(orderer()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("q"))
			.andExpect(jsonPath("$.errors[0].code").value("CONTROL_CHARACTER"));
		this.mvc.perform(get("/products/{sku}", "CEM\u0001").with(orderer()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("sku"));
		// An encoded NUL in the path is refused by the firewall already, as a problem too.
		this.mvc.perform(get("/products/{sku}", "CEM\u0000").with(orderer()))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:leverans:problem:invalid-request"))
			.andExpect(jsonPath("$.errors[0].field").value("url"));
		this.mvc.perform(get("/orders?page=1&q={q}", "x".repeat(1001)).with(orderer()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].code").value("INVALID_SIZE"));
	}

	@Test
	void refusesAControlCharacterInAHeaderAsAProblemButTakesTextBeyondAscii() throws Exception {
		this.mvc.perform(get("/note").header("X-Note", "ring\u0007").with(orderer()))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:leverans:problem:invalid-request"))
			.andExpect(jsonPath("$.errors[0].field").value("headers"))
			.andExpect(content().string(not(containsString("ring"))));
		this.mvc.perform(get("/note").header("X-Note", "Jyväskylä\tsite 2").with(orderer()))
			.andExpect(status().isOk())
			.andExpect(content().string("Jyväskylä\tsite 2"));
	}

	@Test
	void answersFrameworksOwnRefusalsAsProblems() throws Exception {
		this.mvc.perform(get("/no-such-path").with(orderer()))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:leverans:problem:not-found"));
		this.mvc.perform(delete("/orders").with(orderer()))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(jsonPath("$.type").value("urn:leverans:problem:method-not-allowed"));
		this.mvc.perform(post("/orders").with(orderer())
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_XML)
			.content("{}"))
			.andExpect(status().isNotAcceptable())
			.andExpect(jsonPath("$.type").value("urn:leverans:problem:not-acceptable"));
		this.mvc.perform(post("/orders").with(orderer()).contentType(MediaType.APPLICATION_JSON))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:leverans:problem:invalid-request"));
	}

	@Test
	void answersCommitLostWithTheDatabaseAsServiceUnavailable() throws Exception {
		this.mvc.perform(get("/commit").with(orderer()))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(jsonPath("$.type").value("urn:leverans:problem:service-unavailable"));
	}

	private void refused(String body, String field, String code) throws Exception {
		place(body).andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:leverans:problem:invalid-request"))
			.andExpect(jsonPath("$.errors[0].field").value(field))
			.andExpect(jsonPath("$.errors[0].code").value(code));
	}

	private ResultActions place(String body) throws Exception {
		return this.mvc.perform(post("/orders").with(orderer()).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private static RequestPostProcessor orderer() {
		return jwt().jwt(token -> token.subject("olli").claim(TokenClaims.ROLES, List.of("ORDERER")));
	}
}
