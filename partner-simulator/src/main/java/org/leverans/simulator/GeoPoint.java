package org.leverans.simulator;

/** A place on the map, in WGS 84 degrees. */
public record GeoPoint(double lat, double lon) {

	/** Straight-line distance in kilometres (haversine), good enough to tell nearer from farther. */
	public double kilometresTo(GeoPoint other) {
		double dLat = Math.toRadians(other.lat - this.lat);
		double dLon = Math.toRadians(other.lon - this.lon);
		double a = Math.pow(Math.sin(dLat / 2), 2)
				+ Math.cos(Math.toRadians(this.lat)) * Math.cos(Math.toRadians(other.lat)) * Math.pow(Math.sin(dLon / 2), 2);
		return 6371.0 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
	}

	/** Rounded to about ten metres, as a tracker would report it. */
	GeoPoint rounded() {
		return new GeoPoint(Math.round(this.lat * 10000) / 10000.0, Math.round(this.lon * 10000) / 10000.0);
	}
}
