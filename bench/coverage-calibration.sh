#!/bin/sh
# Key-point coverage calibration (issue 15): threshold and lexical weight per window size on the
# training part of src/test/resources/coverage/pairs.yaml, precision/recall on the held-out part.
set -e
cd "$(dirname "$0")/.."
mvn -B -q -o -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" dev.cuecard.coverage.CoverageCalibration "$@"
