package org.leverans.delivery.window;

/**
 * What a window's calibration is looked up by: the band of how far ahead of now its ETA lies and, where known, the
 * notice that ETA was given with (null: any notice) and how long ago (null: any age). The planned slot has none.
 */
public record Horizon(HorizonBand band, EtaNotice notice, EtaAge age) {

	public static final Horizon PLANNED_SLOT = new Horizon(HorizonBand.PLANNED_SLOT, null, null);

	public Horizon(HorizonBand band, EtaNotice notice) {
		this(band, notice, null);
	}

	public static Horizon of(HorizonBand band) {
		return new Horizon(band, null);
	}

	public static Horizon of(HorizonBand band, EtaNotice notice) {
		return new Horizon(band, notice);
	}

	public static Horizon of(HorizonBand band, EtaNotice notice, EtaAge age) {
		return new Horizon(band, notice, age);
	}

	/** The same band and notice whatever the ETA's age. */
	public Horizon anyAge() {
		return (this.age != null) ? new Horizon(this.band, this.notice, null) : this;
	}

	/** The same band whatever the notice and age: more evidence, less particular. */
	public Horizon anyNotice() {
		return (this.notice != null || this.age != null) ? new Horizon(this.band, null, null) : this;
	}
}
