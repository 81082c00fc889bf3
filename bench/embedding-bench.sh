#!/bin/sh
# Semantic embeddings: model load, embed/search time, 1-NN accuracy on the held-out split. See the embed branch notes.
set -e
cd "$(dirname "$0")/.."
mvn -B -q -o -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
java -Dcuecard.home=target/bench-home -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.cuecard.question.EmbeddingBenchmark "$@"
