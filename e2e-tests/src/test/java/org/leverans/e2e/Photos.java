package org.leverans.e2e;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/** Small real pictures for claims: what a phone's camera would send, only smaller. */
final class Photos {

	private Photos() {
	}

	/** A 64 × 48 PNG with a red mark, made with the JDK's image writer. */
	static byte[] png() {
		BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
		for (int x = 10; x < 30; x++) {
			image.setRGB(x, 20, 0xCC0000);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** The PNG as a file, for a browser's file input. */
	static Path pngFile() {
		try {
			Path file = Files.createTempFile("claim-photo-", ".png");
			Files.write(file, png());
			file.toFile().deleteOnExit();
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
