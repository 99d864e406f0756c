package org.leverans.simulator;

import java.util.Map;
import java.util.UUID;

/**
 * Where the demo's depots and delivery sites are. delivery-service knows sites by id and country only, so the
 * simulator keeps the coordinates of the demo sites itself; a site it does not know is put near its country's
 * capital.
 */
final class DemoGeography {

	private static final Map<UUID, Site> SITES = Map.of(
			UUID.fromString("11111111-0000-0000-0000-000000000001"),
			new Site(new GeoPoint(60.1580, 24.9180), "Mikko Nieminen"), // Jätkäsaari, Helsinki
			UUID.fromString("11111111-0000-0000-0000-000000000002"),
			new Site(new GeoPoint(60.1990, 24.9330), "Site foreman, Pasila"),
			UUID.fromString("11111111-0000-0000-0000-000000000003"),
			new Site(new GeoPoint(60.2934, 25.0378), "Warehouse, Vantaa"),
			UUID.fromString("22222222-0000-0000-0000-000000000001"),
			new Site(new GeoPoint(59.3030, 18.0970), "Platschef, Hammarby sjöstad"),
			UUID.fromString("33333333-0000-0000-0000-000000000001"),
			new Site(new GeoPoint(61.4978, 23.7610), "Site foreman, Tampere"));

	private static final Map<String, GeoPoint> CAPITALS = Map.of("FI", new GeoPoint(60.1699, 24.9384), "SE",
			new GeoPoint(59.3293, 18.0686));

	/** Nordic Freight loads at Vuosaari harbour's logistics area; Baltic Haulage at Södertälje. */
	private static final Map<String, GeoPoint> DEPOTS = Map.of("nordic-freight", new GeoPoint(60.2270, 25.1930),
			"baltic-haulage", new GeoPoint(59.1960, 17.6260));

	private DemoGeography() {
	}

	static GeoPoint depotOf(String carrier, String countryCode) {
		GeoPoint depot = DEPOTS.get(carrier);
		return (depot != null) ? depot : capital(countryCode);
	}

	static Site site(UUID siteId, String countryCode) {
		Site site = SITES.get(siteId);
		return (site != null) ? site : new Site(capital(countryCode), "Receiver on site");
	}

	private static GeoPoint capital(String countryCode) {
		return CAPITALS.getOrDefault(countryCode, CAPITALS.get("FI"));
	}

	record Site(GeoPoint position, String receiver) {
	}
}
