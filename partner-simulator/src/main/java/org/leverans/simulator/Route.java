package org.leverans.simulator;

/**
 * The road from a carrier's depot to a delivery site. Roads are not straight, so the route bows to one side of the
 * straight line (a quadratic curve through a control point), which keeps positions plausible without a road map.
 */
public record Route(GeoPoint from, GeoPoint to, double bow) {

	/** Where the truck is when {@code progress} (0 at the depot, 1 at the site) of the way is done. */
	public GeoPoint at(double progress) {
		double t = Math.clamp(progress, 0.0, 1.0);
		double midLat = (this.from.lat() + this.to.lat()) / 2;
		double midLon = (this.from.lon() + this.to.lon()) / 2;
		// the control point sits off the middle, perpendicular to the straight line
		double controlLat = midLat - (this.to.lon() - this.from.lon()) * this.bow;
		double controlLon = midLon + (this.to.lat() - this.from.lat()) * this.bow;
		double u = 1 - t;
		return new GeoPoint(u * u * this.from.lat() + 2 * u * t * controlLat + t * t * this.to.lat(),
				u * u * this.from.lon() + 2 * u * t * controlLon + t * t * this.to.lon()).rounded();
	}
}
