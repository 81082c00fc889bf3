#!/bin/sh
# Practice rubric on typed answers, before (key points by words) and after (by meaning, issue 15), on
# the original set and the two held-out sets (src/test/resources/practice/calibration-heldout*.yaml): rank
# agreement, means and the target bands. No flite or sox needed. See BENCHMARKS.md.
# Arguments: --verbose (every answer's dimension scores), --semantic (skip the lexical lines), set names.
set -e
cd "$(dirname "$0")/.."
mvn -B -q -o -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" dev.cuecard.practice.PracticeHeldOutCalibration "$@"
