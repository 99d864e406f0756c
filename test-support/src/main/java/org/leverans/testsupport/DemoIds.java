package org.leverans.testsupport;

import java.util.UUID;

/** The demo data's fixed ids (docs/development.md), which every service seeds the part it owns of. */
public final class DemoIds {

	public static final UUID RAKENNUS = UUID.fromString("11111111-1111-1111-1111-111111111111");

	public static final UUID JATKASAARI = UUID.fromString("11111111-0000-0000-0000-000000000001");

	public static final UUID PASILA = UUID.fromString("11111111-0000-0000-0000-000000000002");

	public static final UUID VANTAA = UUID.fromString("11111111-0000-0000-0000-000000000003");

	public static final UUID RAKENNUS_AGREEMENT = UUID.fromString("a1111111-0000-0000-0000-000000000001");

	public static final UUID BYGG = UUID.fromString("22222222-2222-2222-2222-222222222222");

	public static final UUID HAMMARBY = UUID.fromString("22222222-0000-0000-0000-000000000001");

	public static final UUID BYGG_AGREEMENT = UUID.fromString("a2222222-0000-0000-0000-000000000001");

	public static final UUID KIVI = UUID.fromString("33333333-3333-3333-3333-333333333333");

	public static final UUID TAMPERE = UUID.fromString("33333333-0000-0000-0000-000000000001");

	public static final UUID KIVI_AGREEMENT = UUID.fromString("a3333333-0000-0000-0000-000000000001");

	private DemoIds() {
	}
}
