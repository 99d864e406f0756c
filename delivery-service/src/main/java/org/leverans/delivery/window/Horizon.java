package org.leverans.delivery.window;

/**
 * What a window's calibration is looked up by: the band of how far ahead of now its ETA lies and, where known, the
 * notice that ETA was given with (null: any notice). The planned slot has neither.
 */
public record Horizon(HorizonBand band, EtaNotice notice) {

	public static final Horizon PLANNED_SLOT = new Horizon(HorizonBand.PLANNED_SLOT, null);

	public static Horizon of(HorizonBand band) {
		return new Horizon(band, null);
	}

	public static Horizon of(HorizonBand band, EtaNotice notice) {
		return new Horizon(band, notice);
	}

	/** The same band whatever the notice: more evidence, less particular. */
	public Horizon anyNotice() {
		return (this.notice != null) ? new Horizon(this.band, null) : this;
	}
}
