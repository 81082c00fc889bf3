#!/usr/bin/env bash
# Regenerates installer/startup.classlist: the JDK and JavaFX classes the packaged app loads while it
# starts (desktop app with --demo until listening, a one-line classify and hint). build.xml dumps the
# runtime's class data archive from this list, so those classes are mapped at start instead of being
# read from the module image and verified (issue 12, start-up). Only classes the runtime image holds
# are kept: the app's and its libraries' classes live on the class path, which an archive in an
# installed (moved) image could not match on Java 17.
#   installer/make-classlist.sh [APP_IMAGE]     default: target/installer/dist/Cuecard (Linux)
# Needs a display for the desktop run (xvfb-run is used when DISPLAY is unset) and the JDK's jimage.
set -euo pipefail
cd "$(dirname "$0")/.."
image=${1:-target/installer/dist/Cuecard}
launcher="$image/bin/Cuecard"
[[ -x $launcher ]] || { echo "no app image at $image: build it with mvn -Pinstaller -DskipTests -Dinstaller.target=app-image package" >&2; exit 1; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
export CUECARD_HOME="$work/home"   # never the user's data folder
mkdir -p "$CUECARD_HOME"
printf 'ui:\n  consentAccepted: true\n' > "$CUECARD_HOME/settings.yaml"   # the window a returning user sees
display=()
[[ -n ${DISPLAY:-} ]] || display=(xvfb-run -a -s "-screen 0 1280x800x24")

run() { # one run of the launcher, its loaded classes appended to $work/loaded
  JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$work/one.classlist" "$@" > /dev/null 2> "$work/err" \
      || { cat "$work/err" >&2; echo "the run failed: $*" >&2; exit 1; }
  cat "$work/one.classlist" >> "$work/loaded"
}
run "${display[@]}" "$launcher" --demo --exit-after 8
run "$launcher" classify "how would you design a rate limiter"
run "$launcher" hint --offline "how would you design a rate limiter"

jimage list "$image/lib/runtime/lib/modules" | sed -n 's/^    \(.*\)\.class$/\1/p' > "$work/runtime"
{
  echo "# The JDK and JavaFX classes a start of the packaged app loads: regenerate with installer/make-classlist.sh"
  echo "# (the format is the JVM's -XX:DumpLoadedClassList; build.xml dumps the runtime's archive from it)."
  # first occurrence of each line; classes and lambda proxies of classes in the runtime image only
  awk 'NR == FNR { runtime[$1] = 1; next }
       /^#/ || seen[$0]++ { next }
       /^@lambda-form-invoker/ { print; next }
       /^@lambda-proxy/ { if ($2 in runtime) print; next }
       ($1 in runtime) { print }' "$work/runtime" "$work/loaded"
} > installer/startup.classlist
echo "installer/startup.classlist: $(grep -vc '^#' installer/startup.classlist) lines"
