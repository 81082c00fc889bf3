#!/bin/sh
# Answer coach (issue 15) on the two-channel fixture: ticks, latency final result -> tick, CPU of the
# coach thread, um/uh heard. Args: [--speed 1|max] [--off]. See BENCHMARKS.md.
set -e
cd "$(dirname "$0")/.."
mvn -B -q -o -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" dev.cuecard.coach.CoachBenchmark "$@"
