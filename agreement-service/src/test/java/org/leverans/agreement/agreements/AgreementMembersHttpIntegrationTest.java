package org.leverans.agreement.agreements;

import org.junit.jupiter.api.Test;
import org.leverans.agreement.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Who acts under an agreement: the manager sees them, colleagues do not see each other, the admin keeps them. */
class AgreementMembersHttpIntegrationTest extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void agreementManagerSeesTheMembersAndTheirRoles() throws Exception {
		this.mvc.perform(get("/api/agreements/current").with(token("liisa", RAKENNUS, "AGREEMENT_MANAGER")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.members[*].username", contains("liisa", "anna", "mikko")))
			.andExpect(jsonPath("$.members[0].role").value("AGREEMENT_MANAGER"))
			.andExpect(jsonPath("$.members[0].name").value("Liisa Korhonen"))
			.andExpect(jsonPath("$.members[0].siteIds").doesNotExist())
			.andExpect(jsonPath("$.members[1].role").value("ORDERER"))
			.andExpect(jsonPath("$.members[2].role").value("RECEIVER"))
			.andExpect(jsonPath("$.members[2].siteIds", contains(JATKASAARI.toString())));
	}

	@Test
	void orderersAndReceiversDoNotSeeTheirColleagues() throws Exception {
		this.mvc.perform(get("/api/agreements/current").with(token("anna", RAKENNUS, "ORDERER")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.members").doesNotExist());
		this.mvc.perform(get("/api/agreements/current").with(token("mikko", RAKENNUS, "RECEIVER")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.members").doesNotExist());
		this.mvc.perform(get("/api/agreements/" + RAKENNUS_AGREEMENT).with(token("anna", RAKENNUS, "ORDERER")))
			.andExpect(jsonPath("$.members").doesNotExist());
	}

	@Test
	void adminListsEachAgreementsMembers() throws Exception {
		this.mvc.perform(get("/api/admin/agreements/" + BYGG_AGREEMENT + "/members").with(admin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].username").value("erik"))
			.andExpect(jsonPath("$[0].role").value("ORDERER"));
		this.mvc.perform(get("/api/admin/agreements/" + KIVI_AGREEMENT + "/members").with(admin()))
			.andExpect(jsonPath("$[*].username", contains("kalle")));
		this.mvc.perform(get("/api/admin/agreements/" + RAKENNUS_AGREEMENT).with(admin()))
			.andExpect(jsonPath("$.members", hasSize(3)));
	}

	@Test
	void adminAddsAReceiverAndRemovesThemAgain() throws Exception {
		this.mvc.perform(post("/api/admin/agreements/" + RAKENNUS_AGREEMENT + "/members").with(admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"username":"jussi","name":"Jussi Mäkelä","role":"RECEIVER","siteIds":["%s"]}"""
				.formatted(PASILA)))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/admin/agreements/" + RAKENNUS_AGREEMENT + "/members/jussi"))
			.andExpect(jsonPath("$.siteIds", contains(PASILA.toString())));
		this.mvc.perform(get("/api/agreements/current").with(token("liisa", RAKENNUS, "AGREEMENT_MANAGER")))
			.andExpect(jsonPath("$.members[*].username", hasItem("jussi")));

		this.mvc.perform(delete("/api/admin/agreements/" + RAKENNUS_AGREEMENT + "/members/jussi").with(admin()))
			.andExpect(status().isNoContent());
		this.mvc.perform(get("/api/admin/agreements/" + RAKENNUS_AGREEMENT + "/members").with(admin()))
			.andExpect(jsonPath("$[*].username", not(hasItem("jussi"))));
		this.mvc.perform(delete("/api/admin/agreements/" + RAKENNUS_AGREEMENT + "/members/jussi").with(admin()))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void refusesAMemberWhoDoesNotFitTheRoleNamingTheField() throws Exception {
		String members = "/api/admin/agreements/" + RAKENNUS_AGREEMENT + "/members";
		this.mvc.perform(post(members).with(admin()).contentType(MediaType.APPLICATION_JSON).content("""
				{"username":"olli","name":"Olli","role":"RECEIVER"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("siteIds"))
			.andExpect(jsonPath("$.errors[0].code").value("REQUIRED"));
		this.mvc.perform(post(members).with(admin()).contentType(MediaType.APPLICATION_JSON).content("""
				{"username":"olli","name":"Olli","role":"RECEIVER","siteIds":["%s"]}""".formatted(HAMMARBY)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("siteIds[0]"))
			.andExpect(jsonPath("$.errors[0].code").value("UNKNOWN"));
		this.mvc.perform(post(members).with(admin()).contentType(MediaType.APPLICATION_JSON).content("""
				{"username":"olli","name":"Olli","role":"ORDERER","siteIds":["%s"]}""".formatted(PASILA)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].code").value("NOT_ALLOWED"));
		this.mvc.perform(post(members).with(admin()).contentType(MediaType.APPLICATION_JSON).content("""
				{"username":"olli","name":"Olli","role":"BOSS"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("role"));
		this.mvc.perform(post(members).with(admin()).contentType(MediaType.APPLICATION_JSON).content("""
				{"username":"anna","name":"Anna Virtanen","role":"ORDERER"}"""))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("username"));
	}

	@Test
	void onlyAnAdminManagesMembers() throws Exception {
		this.mvc.perform(get("/api/admin/agreements/" + RAKENNUS_AGREEMENT + "/members")
			.with(token("liisa", RAKENNUS, "AGREEMENT_MANAGER"))).andExpect(status().isForbidden());
		this.mvc.perform(post("/api/admin/agreements/" + RAKENNUS_AGREEMENT + "/members")
			.with(token("liisa", RAKENNUS, "AGREEMENT_MANAGER"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"username":"olli","name":"Olli","role":"ORDERER"}"""))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/admin/agreements/a9999999-0000-0000-0000-000000000001/members").with(admin()))
			.andExpect(status().isNotFound());
	}

	private static RequestPostProcessor admin() {
		return token("admin", null, "ADMIN");
	}
}
