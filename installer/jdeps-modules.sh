#!/usr/bin/env bash
# Prints the JDK modules the app's jars need (run after `mvn package`); compare with jdk.modules in
# build.xml when dependencies change. JavaFX jars are on the class path here, so only JDK modules show.
set -euo pipefail
cd "$(dirname "$0")/../target"
jdeps --multi-release 17 --ignore-missing-deps --print-module-deps --class-path 'lib/*' cuecard.jar lib/*.jar 2>/dev/null | tail -1
