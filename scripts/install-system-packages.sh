#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages that building, testing and running Cuecard need — only those
# missing, so a second run changes nothing and does not even call apt. Uses sudo when not root.
# Run it once on a fresh machine before the README's two commands; .ci/run calls it too.
#
#   default-jdk-headless, maven   the build (JDK 17 or newer; only when javac / mvn are not on PATH)
#   libgtk-3-0, libgl1            JavaFX at run time; without them every JavaFX test and the app fail
#                                 with "Unable to load glass GTK library"
#   libxtst6, libxt6, libxkbcommon-x11-0
#                                 jnativehook's native library: global hotkeys and their tests
#   xvfb, xauth                   xvfb-run, the virtual display of the README's test command
#   xdotool                       sends real key chords to the global-hotkey and overlay tests
#   binutils                      objcopy, which jlink uses to strip native debug symbols (installer build)
#
# Not installed here (no test needs them): the TTS voices and sox of the fixture and benchmark
# scripts (festival, flite, espeak-ng, sox — each script names its own).
set -euo pipefail

# the linker cache, read once (ldconfig is not on a normal user's PATH on Debian)
libs=$("$(command -v ldconfig || echo /sbin/ldconfig)" -p)
has_lib() { grep -q "$1" <<< "$libs"; }
has_cmd() { command -v "$1" >/dev/null; }

need=()
has_cmd javac || need+=(default-jdk-headless)
has_cmd mvn || need+=(maven)
has_lib 'libgtk-3\.so\.0' || need+=(libgtk-3-0)
has_lib 'libGL\.so\.1' || need+=(libgl1)
has_lib 'libXtst\.so\.6' || need+=(libxtst6)
has_lib 'libXt\.so\.6' || need+=(libxt6)
has_lib 'libxkbcommon-x11\.so\.0' || need+=(libxkbcommon-x11-0)
has_cmd xvfb-run || need+=(xvfb)
has_cmd xauth || need+=(xauth)
has_cmd xdotool || need+=(xdotool)
has_cmd objcopy || need+=(binutils)
# live capture is tested against a real PulseAudio server (a private one per test, null sinks)
has_cmd pulseaudio || need+=(pulseaudio)
has_cmd parec || need+=(pulseaudio-utils)   # pactl, parec, paplay

if (( ${#need[@]} == 0 )); then
  echo "system packages: all present"
  exit 0
fi
if ! has_cmd apt-get; then
  echo "missing: ${need[*]} — install the equivalent packages with your system's package manager" >&2
  exit 1
fi
sudo=()
if (( EUID != 0 )); then
  has_cmd sudo || { echo "missing: ${need[*]} — run this script as root (no sudo here)" >&2; exit 1; }
  sudo=(sudo)
fi
echo "system packages: installing ${need[*]}"
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
