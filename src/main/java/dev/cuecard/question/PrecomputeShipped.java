package dev.cuecard.question;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Build step (Maven, after compile): what the app would otherwise work out from the shipped
 * resources at every start, into the classes folder — {@code shipped-data.bin} (the parsed
 * templates, vocabulary and cues: {@link ShippedData}), {@code topic-index.bin} (their phrasings
 * and the examples' indexed for ranking templates: {@link TopicClassifier}), {@code bm25-index.bin} (the same
 * texts for BM25: {@link Bm25Index}) and
 * {@code category-model.bin} (the category model trained on them: {@link CategoryModel}). Each file is skipped when it already
 * carries the hash of its current inputs. Argument: the folder of {@code dev/cuecard/question}.
 */
public final class PrecomputeShipped {
    private static final Logger LOG = LoggerFactory.getLogger(PrecomputeShipped.class);

    private PrecomputeShipped() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: PrecomputeShipped OUTPUT_DIR");
        }
        Path dir = Path.of(args[0]).toAbsolutePath();
        Path dataFile = dir.resolve(Path.of(ShippedData.RESOURCE).getFileName().toString());
        byte[] stamp = ShippedData.stamp();
        ShippedData.Data data = ShippedData.parseYaml();
        if (!upToDate(dataFile, ShippedData::stampOf, stamp)) {
            write(dataFile, out -> ShippedData.write(out, data, stamp));
            LOG.info("stored {} templates, {} vocabulary entries and the cues in {}", data.templates().size(),
                    data.vocabulary().size(), dataFile);
        }

        TemplateLibrary library = TemplateLibrary.of(data.templates());
        AsrVocabulary vocabulary = AsrVocabulary.of(data.vocabulary());
        QuestionDetector detector = new QuestionDetector(QuestionCues.ready(data.cues()));
        List<ExampleSet.Labelled> examples = ExampleSet.shipped();
        PhoneticMatcher phonetic = UtteranceClassifier.phoneticMatcher(new TechnicalTerms(library, vocabulary));
        byte[] hash = TrainingInputs.hash(library, vocabulary, detector, examples, phonetic != null);
        Path indexFile = dir.resolve(Path.of(TopicClassifier.RESOURCE).getFileName().toString());
        if (!upToDate(indexFile, TopicClassifier::hashOf, hash)) {
            TopicClassifier index = new TopicClassifier(library, vocabulary, UtteranceClassifier.phrasings(library,
                    examples));
            write(indexFile, out -> index.write(out, library, hash));
            LOG.info("indexed the shipped templates' phrasings into {}", indexFile);
        }
        Path bm25File = dir.resolve(Path.of(Bm25Index.RESOURCE).getFileName().toString());
        if (!upToDate(bm25File, Bm25Index::hashOf, hash)) {
            Bm25Index bm25 = new Bm25Index(library, UtteranceClassifier.phrasings(library, examples), vocabulary);
            write(bm25File, out -> bm25.write(out, hash));
            LOG.info("indexed the shipped templates for BM25 into {}", bm25File);
        }
        Path recordFile = dir.resolve(Path.of(TrainingInputs.SHIPPED_RESOURCE).getFileName().toString());
        byte[] record = TrainingInputs.shippedRecord(hash);
        if (!Files.isRegularFile(recordFile) || !Arrays.equals(Files.readAllBytes(recordFile), record)) {
            write(recordFile, out -> out.write(record));
        }
        Path modelFile = dir.resolve(Path.of(CategoryModel.RESOURCE).getFileName().toString());
        if (!upToDate(modelFile, CategoryModel::trainingHashOf, hash)) {
            long start = System.nanoTime();
            CategoryModel model = UtteranceClassifier.train(library, vocabulary, detector, examples, phonetic);
            write(modelFile, out -> model.write(out, hash));
            LOG.info("trained the category model ({} features) into {} in {} ms", model.features(), modelFile,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static boolean upToDate(Path file, Function<InputStream, Optional<byte[]>> header, byte[] expected)
            throws IOException {
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                if (header.apply(in).filter(h -> Arrays.equals(h, expected)).isPresent()) {
                    LOG.info("{} is up to date", file);
                    return true;
                }
            }
        }
        return false;
    }

    @FunctionalInterface
    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static void write(Path file, Writer writer) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "precomputed", ".tmp");
        try {
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                writer.write(o);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
