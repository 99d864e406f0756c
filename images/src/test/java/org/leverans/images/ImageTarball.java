package org.leverans.images;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An image as {@code docker load} reads it from Jib's {@code target/jib-image.tar}: {@code manifest.json} naming
 * the config and the layers (gzipped tars, lowest first).
 */
record ImageTarball(Path file, List<String> tags, JsonNode config, List<String> layers) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static ImageTarball read(Path file) {
		Map<String, byte[]> small = new HashMap<>();
		forEachEntry(file, (entry, in) -> {
			if (entry.getName().endsWith(".json")) {
				small.put(entry.getName(), in.readAllBytes());
			}
		});
		JsonNode manifest = JSON.readTree(small.get("manifest.json")).get(0);
		List<String> tags = manifest.get("RepoTags").valueStream().map(JsonNode::asString).toList();
		List<String> layers = manifest.get("Layers").valueStream().map(JsonNode::asString).toList();
		return new ImageTarball(file, tags, JSON.readTree(small.get(manifest.get("Config").asString())), layers);
	}

	JsonNode containerConfig() {
		return this.config.get("config");
	}

	List<String> entrypoint() {
		return containerConfig().get("Entrypoint").valueStream().map(JsonNode::asString).toList();
	}

	/** The file names in one of the layers. */
	List<String> contentsOf(String layer) {
		List<String> names = new ArrayList<>();
		forEachInLayer(layer, (entry, in) -> names.add(entry.getName()));
		return names;
	}

	/** The layer Jib made with the given comment in the image's history ("extra files", "classes" …). */
	String layerMadeFor(String comment) {
		List<JsonNode> history = this.config.get("history").valueStream()
			.filter(step -> !step.path("empty_layer").asBoolean(false))
			.toList();
		for (int layer = 0; layer < history.size(); layer++) {
			if (comment.equals(history.get(layer).path("comment").asString(""))) {
				return this.layers.get(layer);
			}
		}
		throw new AssertionError(this.file + " has no layer for " + comment + ": " + history);
	}

	/** Writes the layers into {@code rootfs}, lowest first as a container runtime does, with the files' modes. */
	void unpackInto(Path rootfs) {
		try {
			// an image's root is open to every user; a temporary directory is not
			Files.setPosixFilePermissions(rootfs, PosixFilePermissions.fromString("rwxr-xr-x"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		for (String layer : this.layers) {
			forEachInLayer(layer, (entry, in) -> unpack(rootfs, entry, in));
		}
	}

	private static void unpack(Path rootfs, TarArchiveEntry entry, InputStream in) throws IOException {
		Path target = rootfs.resolve(entry.getName()).normalize();
		if (!target.startsWith(rootfs)) {
			throw new IllegalStateException("A layer writes outside the image: " + entry.getName());
		}
		if (entry.isDirectory()) {
			Files.createDirectories(target);
		}
		else if (entry.isSymbolicLink()) {
			Files.createDirectories(target.getParent());
			Files.deleteIfExists(target);
			Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
			return;
		}
		else {
			Files.createDirectories(target.getParent());
			Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
		}
		Files.setPosixFilePermissions(target, permissions(entry.getMode()));
	}

	private void forEachInLayer(String layer, EntryConsumer consumer) {
		forEachEntry(this.file, (entry, in) -> {
			if (!entry.getName().equals(layer)) {
				return;
			}
			TarArchiveInputStream layerTar = new TarArchiveInputStream(new GZIPInputStream(in));
			for (TarArchiveEntry item = layerTar.getNextEntry(); item != null; item = layerTar.getNextEntry()) {
				consumer.accept(item, layerTar);
			}
		});
	}

	private static void forEachEntry(Path file, EntryConsumer consumer) {
		try (TarArchiveInputStream tar = new TarArchiveInputStream(
				new BufferedInputStream(Files.newInputStream(file)))) {
			for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
				consumer.accept(entry, tar);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Set<PosixFilePermission> permissions(int mode) {
		Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
		PosixFilePermission[] bits = { PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
				PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
				PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
				PosixFilePermission.OWNER_READ };
		for (int bit = 0; bit < bits.length; bit++) {
			if ((mode & (1 << bit)) != 0) {
				permissions.add(bits[bit]);
			}
		}
		return permissions;
	}

	@FunctionalInterface
	private interface EntryConsumer {

		void accept(TarArchiveEntry entry, InputStream in) throws IOException;

	}
}
