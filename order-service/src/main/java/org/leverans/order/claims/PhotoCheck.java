package org.leverans.order.claims;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.leverans.web.problem.ApiProblem;
import org.leverans.web.problem.ProblemTypes;

import org.springframework.http.HttpStatus;

/**
 * Decides whether uploaded bytes are a photo we keep: JPEG or PNG by their own signature (the declared type must
 * agree), small enough, and a picture the JDK's image readers can parse the header of, no larger than a set number of
 * pixels. Nothing else is trusted from the uploader: not a file name, not the declared type alone.
 */
final class PhotoCheck {

	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private PhotoCheck() {
	}

	/**
	 * @throws ApiProblem 413 when too large, 415 when not a JPEG or PNG or not what it says it is, 400 when empty or
	 * not a readable picture
	 */
	static Checked check(byte[] bytes, String declaredType, ClaimProperties properties) {
		if (bytes == null || bytes.length == 0) {
			throw ApiProblem.invalid("body", "REQUIRED", "The photo is empty.");
		}
		if (bytes.length > properties.photoMaxSize().toBytes()) {
			throw ApiProblem.tooLarge("A photo may be at most " + properties.photoMaxSize().toMegabytes()
					+ " MB; this one is " + bytes.length + " bytes.");
		}
		String actual = signatureType(bytes);
		String declared = (declaredType != null) ? declaredType.toLowerCase(Locale.ROOT).split(";")[0].strip() : "";
		if (actual == null) {
			throw unsupported("A photo must be a JPEG or PNG image.");
		}
		if (!actual.equals(declared)) {
			throw unsupported("The photo is a " + actual + " image, but was sent as " + (declared.isEmpty()
					? "nothing in particular" : declared) + ".");
		}
		int[] size = dimensions(bytes, actual);
		if ((long) size[0] * size[1] > properties.photoMaxPixels()) {
			throw ApiProblem.tooLarge("A photo may have at most " + properties.photoMaxPixels() + " pixels; this one is "
					+ size[0] + " × " + size[1] + ".");
		}
		return new Checked(actual, size[0], size[1], bytes);
	}

	private static String signatureType(byte[] bytes) {
		if (startsWith(bytes, JPEG)) {
			return "image/jpeg";
		}
		if (startsWith(bytes, PNG)) {
			return "image/png";
		}
		return null;
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
	}

	private static int[] dimensions(byte[] bytes, String type) {
		Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type);
		if (!readers.hasNext()) {
			throw new IllegalStateException("The JDK has no image reader for " + type);
		}
		ImageReader reader = readers.next();
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			reader.setInput(input, true, true);
			int width = reader.getWidth(0);
			int height = reader.getHeight(0);
			if (width < 1 || height < 1) {
				throw unreadable();
			}
			return new int[] { width, height };
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof ApiProblem problem) {
				throw problem;
			}
			throw unreadable();
		}
		finally {
			reader.dispose();
		}
	}

	private static ApiProblem unreadable() {
		return ApiProblem.invalid("body", "INVALID_FORMAT", "The photo could not be read as a picture.");
	}

	private static ApiProblem unsupported(String detail) {
		return new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemTypes.UNSUPPORTED_MEDIA_TYPE, "Unsupported photo type",
				detail);
	}

	/** A photo that passed: its real type and size in pixels. */
	record Checked(String contentType, int width, int height, byte[] bytes) {
	}
}
