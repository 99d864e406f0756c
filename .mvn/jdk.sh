# Sourced by ./mvnw, ./leverans and .ci/run: Leverans needs a JDK 21 or newer.
# If JAVA_HOME (or the java on PATH) is older, pick the newest JDK >= 21 found in the usual places,
# so a machine whose default is JDK 17 still builds without anyone exporting JAVA_HOME by hand.
leverans_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1 | cut -d. -f1
}
leverans_pick_jdk() {
  local current="${JAVA_HOME:+$JAVA_HOME/bin/java}"
  [ -n "$current" ] || current="$(command -v java 2>/dev/null || true)"
  if [ -n "$current" ] && [ -x "$current" ]; then
    local major; major="$(leverans_java_major "$current")"
    if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null && [ -x "$(dirname "$current")/javac" ]; then
      [ -n "${JAVA_HOME:-}" ] || export JAVA_HOME="$(cd "$(dirname "$(readlink -f "$current")")/.." && pwd)"
      return 0
    fi
  fi
  local best="" best_major=0 candidate major restore_glob=""
  case $- in *f*) restore_glob=1; set +f ;; esac
  for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major="$(leverans_java_major "$candidate/bin/java")"
    if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null && [ "$major" -gt "$best_major" ]; then
      best="$candidate"; best_major="$major"
    fi
  done
  [ -z "$restore_glob" ] || set -f
  if [ -n "$best" ]; then
    export JAVA_HOME="$best"
    export PATH="$JAVA_HOME/bin:$PATH"
  else
    echo "Leverans needs a JDK 21 or newer; set JAVA_HOME to one." >&2
    return 1
  fi
}
leverans_pick_jdk
# Maven 3.9's Guice still calls sun.misc.Unsafe; on JDK 24+ that prints four warnings per build. Allow it quietly.
if [ -n "${JAVA_HOME:-}" ] && [ "$(leverans_java_major "$JAVA_HOME/bin/java")" -ge 24 ] 2>/dev/null; then
  case " ${MAVEN_OPTS:-} " in
    *sun-misc-unsafe-memory-access*) ;;
    *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;;
  esac
fi
