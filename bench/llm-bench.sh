#!/bin/sh
# LLM hint overhead against the local fake OpenAI server (300 ms to first token). See BENCHMARKS.md.
set -e
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" dev.cuecard.pipeline.LlmHintBenchmark "$@"
