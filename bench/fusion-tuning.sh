#!/bin/sh
# Lexical + semantic mixing chosen by 5-fold cross-validation on the dev split (never the held-out one).
set -e
cd "$(dirname "$0")/.."
mvn -B -q -o -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" dev.cuecard.question.FusionTuning "$@"
