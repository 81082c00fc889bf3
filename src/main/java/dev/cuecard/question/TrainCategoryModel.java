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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Build step (Maven, after compile): trains the category model of the shipped templates, examples
 * and vocabulary into {@code category-model.bin}, so the app reads it instead of training at every
 * start. Skips training when the file already matches its inputs (see {@link TrainingInputs}).
 * Argument: the output file.
 */
public final class TrainCategoryModel {
    private static final Logger LOG = LoggerFactory.getLogger(TrainCategoryModel.class);

    private TrainCategoryModel() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: TrainCategoryModel OUTPUT_FILE");
        }
        Path out = Path.of(args[0]).toAbsolutePath();
        TemplateLibrary library = TemplateLibrary.shipped();
        if (!library.problems().isEmpty()) {
            throw new IllegalStateException("the shipped templates have problems: " + library.problems());
        }
        AsrVocabulary vocabulary = AsrVocabulary.shipped();
        QuestionDetector detector = new QuestionDetector();
        List<ExampleSet.Labelled> examples = ExampleSet.shipped();
        PhoneticMatcher phonetic = UtteranceClassifier.phoneticMatcher(new TechnicalTerms(library, vocabulary));
        byte[] hash = TrainingInputs.hash(library, vocabulary, detector, examples, phonetic != null);
        if (Files.isRegularFile(out)) {
            try (InputStream in = Files.newInputStream(out)) {
                if (CategoryModel.trainingHashOf(in).filter(h -> Arrays.equals(h, hash)).isPresent()) {
                    LOG.info("{} is up to date", out);
                    return;
                }
            }
        }
        long start = System.nanoTime();
        CategoryModel model = UtteranceClassifier.train(library, vocabulary, detector, examples, phonetic);
        Files.createDirectories(out.getParent());
        Path tmp = Files.createTempFile(out.getParent(), "category-model", ".tmp");
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(tmp))) {
            model.write(o, hash);
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        LOG.info("trained the category model ({} features) into {} in {} ms", model.features(), out,
                (System.nanoTime() - start) / 1_000_000);
    }
}
