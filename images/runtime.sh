#!/usr/bin/env bash
# The file tree every Leverans image is built on (profile images, docs/deployment.md#images): a Java runtime made with
# jlink from the build's own JDK, the shared libraries it links against (the images start FROM scratch, because no
# base image can be pulled where Leverans is built), a non-root user, a writable /tmp and the health probe.
# Run once per build by the root pom; does nothing when the tree is already there for the same JDK and inputs.
#
#   images/runtime.sh <java home> <output directory>
#
# Linux only: the libraries are the build machine's (glibc), copied at the paths the runtime's binaries name.
set -euo pipefail

java_home="$1"
out="$2"
here="$(cd "$(dirname "$0")" && pwd)"

# What the services' jars and their libraries use (the union of jdeps --print-module-deps over every service's
# classpath, and what the modular jars among them require), plus jdk.crypto.ec for TLS, jdk.localedata for the
# Finnish and Swedish dates and numbers (only en, fi and sv are kept), jdk.charsets for the rarer encodings, and
# jdk.zipfs for reading jars as file systems.
modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http
modules=$modules,java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.sql.rowset
modules=$modules,java.transaction.xa,java.xml,java.xml.crypto,jdk.charsets,jdk.crypto.ec,jdk.jfr,jdk.localedata
modules=$modules,jdk.management,jdk.net,jdk.unsupported,jdk.zipfs

stamp="$("$java_home/bin/java" -version 2>&1 | tr '\n' ' ') $modules $(cat "$0" "$here"/src/main/rootfs/etc/* \
  "$here"/src/main/java/org/leverans/images/HealthProbe.java | cksum)"
if [ -f "$out.stamp" ] && [ "$(cat "$out.stamp")" = "$stamp" ]; then
  exit 0
fi
rm -rf "$out" "$out.stamp"
mkdir -p "$out/opt" "$out/tmp"

# --generate-cds-archive: a class data sharing archive for the runtime, which makes every start (the services' and
# the health probe's every few seconds) faster
if ! "$java_home/bin/jlink" --add-modules "$modules" --include-locales=en,fi,sv --strip-debug --no-man-pages \
    --no-header-files --generate-cds-archive --output "$out/opt/java" >/dev/null; then
  echo "runtime.sh: jlink of $java_home failed; it needs a JDK with jmods/ or a linkable run-time image" \
    "(Temurin 24 and later; Debian: the openjdk-<n>-jmods package)" >&2
  exit 1
fi
# AWT's X11, sound and splash-screen libraries: the services are headless (ImageIO needs none of them), and these
# would pull in X11 and ALSA
rm -f "$out"/opt/java/lib/{libawt_xawt,libjawt,libsplashscreen,libjsound}.so

# The dynamic loader and every library the runtime's binaries and libraries link against, at the same paths;
# libgcc_s is loaded by glibc itself when a thread unwinds.
{
  for binary in "$out"/opt/java/bin/* "$out"/opt/java/lib/*.so "$out"/opt/java/lib/server/*.so \
      "$out"/opt/java/lib/jspawnhelper; do
    ldd "$binary" 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }'
  done
  # Read to the end: an awk that exits at the first match leaves ldconfig writing into a closed pipe, and its SIGPIPE
  # (141) fails the build under pipefail whenever awk gets there first.
  ldconfig -p | awk '!found && $1 == "libgcc_s.so.1" && /x86-64|x86_64|AArch64|aarch64/ { print $NF; found = 1 }'
} | sort -u | while read -r library; do
  case "$library" in
    "$out"/*) ;; # the runtime's own, found by its RPATH
    *) cp -L --parents "$library" "$out" ;;
  esac
done
if [ -z "$(find "$out"/lib* -name 'ld-linux*' 2>/dev/null)" ]; then
  echo "runtime.sh: ldd named no dynamic loader for $out/opt/java/bin/java" >&2
  exit 1
fi

cp -r "$here/src/main/rootfs/." "$out/"
mkdir -p "$out/opt/leverans/probe"
"$java_home/bin/javac" --release 21 -d "$out/opt/leverans/probe" \
  "$here/src/main/java/org/leverans/images/HealthProbe.java"

echo "$stamp" > "$out.stamp"
