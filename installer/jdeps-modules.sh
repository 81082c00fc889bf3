#!/usr/bin/env bash
# Prints the JDK modules the app's jars need (run after `mvn package`); compare with jdk.modules in
# build.xml when dependencies change. JavaFX jars are on the class path here, so only JDK modules show.
set -euo pipefail
cd "$(dirname "$0")/../target"
# commons-compress (via DJL) is a named module requiring modules DJL does not ship, which stops jdeps:
# left out (DJL only unpacks downloads with it, and the app runs DJL offline)
jdeps --multi-release 17 --ignore-missing-deps --print-module-deps --class-path 'lib/*' cuecard.jar \
  $(ls lib/*.jar | grep -v '/commons-compress-') 2>/dev/null | tail -1
