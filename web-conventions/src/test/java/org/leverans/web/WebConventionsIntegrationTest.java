package org.leverans.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.leverans.contracts.TokenClaims;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(classes = WebConventionsApplication.class)
@AutoConfigureMockMvc
class WebConventionsIntegrationTest {

	private static final String CUSTOMER = "0b7e7c1e-6f6a-4c55-9a43-4c1f0c4f4a11";

	@Autowired
	MockMvc mvc;

	@Test
	void answersMissingTokenWithUnauthorizedProblem() throws Exception {
		this.mvc.perform(get("/me"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().exists("WWW-Authenticate"))
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:leverans:problem:unauthorized"));
	}

	@Test
	void everyProblemNamesTheTraceOfItsRequest() throws Exception {
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		this.mvc.perform(get("/me").header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.traceId").value(traceId));
		this.mvc.perform(post("/orders").with(orderer())
			.header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-00")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"lines\":[],\"colour\":\"red\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.traceId").value(traceId));
		// A request that brings no trace starts one.
		this.mvc.perform(get("/admin/things").with(orderer()))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.traceId").value(matchesPattern("[0-9a-f]{32}")));
	}

	@Test
	void answersMissingRoleWithForbiddenProblem() throws Exception {
		this.mvc.perform(get("/admin/things").with(orderer()))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("urn:leverans:problem:forbidden"));
	}

	@Test
	void mapsRolesClaimToRoles() throws Exception {
		this.mvc.perform(get("/admin/things").with(jwt().jwt(token -> token.claim(TokenClaims.ROLES, List.of("ADMIN")))
			.authorities(org.leverans.web.security.JwtRoles.authorities())))
			.andExpect(status().isOk());
	}

	@Test
	void namesUnknownFieldInRequestBody() throws Exception {
		this.mvc.perform(post("/orders").with(orderer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"lines\":[{\"productCode\":\"A\",\"quantity\":1,\"colour\":\"red\"}]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:leverans:problem:invalid-request"))
			.andExpect(jsonPath("$.errors[0].field").value("lines[0].colour"))
			.andExpect(jsonPath("$.errors[0].code").value("UNKNOWN_FIELD"));
	}

	@Test
	void namesEachInvalidField() throws Exception {
		this.mvc.perform(post("/orders").with(orderer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"lines\":[{\"productCode\":\"\",\"quantity\":0}]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(2))
			.andExpect(jsonPath("$.errors[?(@.field == 'lines[0].quantity')].code").value("TOO_SMALL"))
			.andExpect(jsonPath("$.errors[?(@.field == 'lines[0].productCode')].code").value("REQUIRED"));
	}

	@Test
	void pointsAtLineOfMalformedJson() throws Exception {
		this.mvc.perform(post("/orders").with(orderer()).contentType(MediaType.APPLICATION_JSON).content("{\n\"lines\": ["))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].code").value("MALFORMED_JSON"))
			.andExpect(jsonPath("$.errors[0].line").value(2));
	}

	@Test
	void answersIdThatCannotExistAsNotFound() throws Exception {
		this.mvc.perform(get("/orders/not-a-uuid").with(orderer()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("urn:leverans:problem:not-found"));
	}

	@Test
	void namesMissingAndMistypedQueryParameters() throws Exception {
		this.mvc.perform(get("/orders").with(orderer()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("page"))
			.andExpect(jsonPath("$.errors[0].code").value("REQUIRED"));
		this.mvc.perform(get("/orders").param("page", "two").with(orderer()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].code").value("INVALID_VALUE"));
	}

	@Test
	void givesSpringsOwnRefusalsALeveransType() throws Exception {
		this.mvc.perform(post("/orders").with(orderer()).contentType(MediaType.TEXT_PLAIN).content("hello"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.type").value("urn:leverans:problem:unsupported-media-type"));
	}

	@Test
	void answersDatabaseAwayWithServiceUnavailableAndRetryAfter() throws Exception {
		this.mvc.perform(get("/database").with(orderer()))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(jsonPath("$.type").value("urn:leverans:problem:service-unavailable"));
	}

	@Test
	void answersBugWithInternalErrorProblemThatKeepsItsDetailsToItself() throws Exception {
		this.mvc.perform(get("/bug").with(orderer()))
			.andExpect(status().isInternalServerError())
			.andExpect(jsonPath("$.type").value("urn:leverans:problem:internal-error"))
			.andExpect(content().string(not(containsString("secrets"))));
	}

	@Test
	void givesControllersTheCallerFromTheToken() throws Exception {
		this.mvc.perform(get("/me").with(orderer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.subject").value("olli"))
			.andExpect(jsonPath("$.customerId").value(CUSTOMER))
			.andExpect(jsonPath("$.roles[0]").value("ORDERER"));
	}

	@Test
	void grantsNothingForMalformedIdsInClaims() throws Exception {
		this.mvc.perform(get("/me").with(jwt().jwt(token -> token.subject("rita")
			.claim(TokenClaims.ROLES, List.of("RECEIVER"))
			.claim(TokenClaims.CUSTOMER_ID, "not-a-uuid")
			.claim(TokenClaims.SITE_IDS, List.of("also-not", CUSTOMER)))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.customerId").doesNotExist())
			.andExpect(jsonPath("$.siteIds.length()").value(1))
			.andExpect(jsonPath("$.siteIds[0]").value(CUSTOMER));
	}

	@Test
	void publishesBearerSecuredApiDocument() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.info.title").value("Leverans web-conventions-test"))
			.andExpect(jsonPath("$.components.securitySchemes.bearer.scheme").value("bearer"));
	}

	private static RequestPostProcessor orderer() {
		return jwt().jwt(token -> token.subject("olli")
			.claim(TokenClaims.ROLES, List.of("ORDERER"))
			.claim(TokenClaims.CUSTOMER_ID, CUSTOMER));
	}
}
