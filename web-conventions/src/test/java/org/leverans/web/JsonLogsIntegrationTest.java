package org.leverans.web;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.leverans.contracts.TokenClaims;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The one setting that turns a component's console log into JSON lines (docs/operations.md), and the trace id of
 * the request in each line it logs.
 */
@SpringBootTest(classes = WebConventionsApplication.class, properties = "logging.structured.format.console=ecs")
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class JsonLogsIntegrationTest {

	private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

	@Autowired
	MockMvc mvc;

	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * Logback is set up once per JVM, by the first test context; this lets this class's context set it up again,
	 * as a component's start does, and the contexts after it set it up their own way.
	 */
	@BeforeAll
	@AfterAll
	static void letTheNextContextSetUpLogging() {
		LoggingSystem.get(JsonLogsIntegrationTest.class.getClassLoader()).cleanUp();
	}

	@Test
	void logsEachEventAsOneJsonLineCarryingTheTraceOfItsRequest(CapturedOutput output) throws Exception {
		this.mvc.perform(get("/database").header("traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-00")
			.with(jwt().jwt((token) -> token.subject("olli").claim(TokenClaims.ROLES, List.of("ORDERER")))))
			.andExpect(status().isServiceUnavailable());

		List<JsonNode> lines = output.getOut()
			.lines()
			.filter((line) -> line.contains("Answering 503"))
			.map(this.json::readTree)
			.toList();
		assertThat(lines).singleElement().satisfies((line) -> {
			assertThat(line.at("/log/level").asString()).isEqualTo("WARN");
			assertThat(line.get("message").asString()).startsWith("Answering 503: the database is not reachable");
			assertThat(line.get("traceId").asString()).isEqualTo(TRACE_ID);
		});
	}

}
