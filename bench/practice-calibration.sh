#!/bin/sh
# Practice rubric calibration: calibration set → flite → Vosk → rubric. See BENCHMARKS.md.
# Needs flite and sox (apt-get install -y flite sox). Rewrites
# src/test/resources/practice/calibration-recognised.tsv.
set -e
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" dev.cuecard.practice.PracticeCalibrationBenchmark "$@"
