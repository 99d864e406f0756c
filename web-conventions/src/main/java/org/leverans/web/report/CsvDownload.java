package org.leverans.web.report;

import java.nio.charset.StandardCharsets;
import java.util.List;

import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvWriteFeature;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A report's rows as a CSV file to save: a header row of the rows' field names, then one line per row. Every service's
 * reports download the same way ({@code ?format=csv}).
 */
public final class CsvDownload {

	public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	// Quoted only where CSV needs it (a comma, a quote, a line break), so ids and names read as they are.
	private static final CsvMapper CSV = CsvMapper.builder().enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING).build();

	private CsvDownload() {
	}

	public static <T> ResponseEntity<String> of(String filename, Class<T> rowType, List<T> rows) {
		String body = CSV.writer(CSV.schemaFor(rowType).withHeader()).writeValueAsString(rows);
		return ResponseEntity.ok()
			.contentType(TEXT_CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.body(body);
	}
}
