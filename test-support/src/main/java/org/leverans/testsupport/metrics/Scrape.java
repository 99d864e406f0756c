package org.leverans.testsupport.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Prometheus text exposition, as {@code /actuator/prometheus} answers it, read the way a test asks about it:
 * {@code Scrape.of(body).value("leverans_orders", "status", "PLACED")}.
 */
public final class Scrape {

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+).*$");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	private final String text;

	private final List<Sample> samples;

	private Scrape(String text, List<Sample> samples) {
		this.text = text;
		this.samples = samples;
	}

	public static Scrape of(String text) {
		List<Sample> samples = new ArrayList<>();
		for (String line : text.split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			Matcher sample = SAMPLE.matcher(line.trim());
			if (!sample.matches()) {
				continue;
			}
			Map<String, String> labels = new LinkedHashMap<>();
			if (sample.group(3) != null) {
				Matcher label = LABEL.matcher(sample.group(3));
				while (label.find()) {
					labels.put(label.group(1), label.group(2));
				}
			}
			samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(4))));
		}
		return new Scrape(text, List.copyOf(samples));
	}

	/** Every sample of a metric whose labels include the given name-value pairs. */
	public List<Sample> samples(String metric, String... labels) {
		if (labels.length % 2 != 0) {
			throw new IllegalArgumentException("labels come in name, value pairs");
		}
		List<Sample> found = new ArrayList<>();
		for (Sample sample : this.samples) {
			if (sample.name().equals(metric) && sample.has(labels)) {
				found.add(sample);
			}
		}
		return found;
	}

	/** The sum over the matching samples (a counter over all its instances, say); empty when none matches. */
	public Optional<Double> value(String metric, String... labels) {
		List<Sample> found = samples(metric, labels);
		return found.isEmpty() ? Optional.empty() : Optional.of(found.stream().mapToDouble(Sample::value).sum());
	}

	/** The whole exposition, for an assertion message. */
	public String text() {
		return this.text;
	}

	@Override
	public String toString() {
		return this.text;
	}

	public record Sample(String name, Map<String, String> labels, double value) {

		boolean has(String... pairs) {
			for (int i = 0; i < pairs.length; i += 2) {
				if (!pairs[i + 1].equals(this.labels.get(pairs[i]))) {
					return false;
				}
			}
			return true;
		}
	}
}
