package dev.cuecard.question;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The category model built with the app (process-classes: {@link PrecomputeShipped}) is exactly
 * the model training at start would give — same probabilities, bit for bit — and a file made from
 * other inputs is refused.
 */
class CategoryModelTest {
    private static TemplateLibrary library;
    private static AsrVocabulary vocabulary;
    private static QuestionDetector detector;
    private static List<ExampleSet.Labelled> examples;
    private static PhoneticMatcher phonetic;
    private static byte[] shippedHash;

    @BeforeAll
    static void shippedInputs() {
        library = TemplateLibrary.shipped();
        vocabulary = AsrVocabulary.shipped();
        detector = new QuestionDetector();
        examples = ExampleSet.shipped();
        phonetic = UtteranceClassifier.phoneticMatcher(new TechnicalTerms(library, vocabulary));
        shippedHash = TrainingInputs.hash(library, vocabulary, detector, examples, phonetic != null);
    }

    /** Recogniser-shaped utterances the model never trained on (the dev set) plus typed ones. */
    private static List<String> utterances() throws IOException {
        List<String> texts = new ArrayList<>(List.of("how would you design a rate limiter",
                "Tell me about a time you disagreed with your manager!", "okay can you hear me", "",
                "what is the difference between a mutex and a semaphore", "idea impotent apis",
                "so walk me through how kubernetes does rolling deploys"));
        try (InputStream in = CategoryModelTest.class.getResourceAsStream("/devset/utterances.tsv")) {
            assertThat(in).as("dev set").isNotNull();
            new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().skip(1)
                    .map(l -> l.split("\t")).filter(f -> f.length >= 5).map(f -> f[4]).forEach(texts::add);
        }
        return texts;
    }

    private static Map<String, Double> features(UtteranceClassifier c, String text) {
        String heard = c.heard(text, List.of());
        QuestionDetector.Cues cues = detector.cues(heard);
        return UtteranceFeatures.of(TopicClassifier.topicTermsOf(vocabulary, heard), heard, cues, cues.opening());
    }

    @Test
    void theBuiltInModelGivesExactlyTheProbabilitiesOfAFreshlyTrainedOne() throws IOException {
        CategoryModel builtIn = CategoryModel.shipped(shippedHash).orElseThrow(
                () -> new AssertionError("no up-to-date category-model.bin in the build (process-classes)"));
        CategoryModel trained = UtteranceClassifier.train(library, vocabulary, detector, examples, phonetic);
        assertThat(builtIn.features()).isEqualTo(trained.features()).isGreaterThan(1000);

        UtteranceClassifier reader = UtteranceClassifier.shipped();
        List<String> texts = utterances();
        assertThat(texts).hasSizeGreaterThan(300);
        for (String text : texts) {
            Map<String, Double> f = features(reader, text);
            assertThat(builtIn.probabilities(f)).as(text).containsExactly(trained.probabilities(f));
        }
    }

    @Test
    void theBuiltInTopicIndexIsExactlyTheOneBuiltAtStart() throws IOException {
        TopicClassifier builtIn = TopicClassifier.shipped(shippedHash, library, vocabulary).orElseThrow(
                () -> new AssertionError("no up-to-date topic-index.bin in the build (process-classes)"));
        TopicClassifier built = new TopicClassifier(library, vocabulary, UtteranceClassifier.phrasings(library,
                examples));
        // every vector with its entries in the same order: cosines add the same numbers in the same order
        assertThat(builtIn.describe()).hasSizeGreaterThan(1000).isEqualTo(built.describe());
        for (String text : utterances()) {
            assertThat(builtIn.rank(text)).as(text).isEqualTo(built.rank(text));
        }
    }

    @Test
    void theBuiltInBm25IndexIsExactlyTheOneBuiltAtStart() throws IOException {
        Bm25Index builtIn = Bm25Index.shipped(shippedHash, library, vocabulary).orElseThrow(
                () -> new AssertionError("no up-to-date bm25-index.bin in the build (process-classes)"));
        Bm25Index built = new Bm25Index(library, UtteranceClassifier.phrasings(library, examples), vocabulary);
        assertThat(builtIn.describe()).hasSize(library.all().size() + 1).isEqualTo(built.describe());
        for (String text : utterances()) {
            assertThat(builtIn.scores(text)).as(text).containsExactly(built.scores(text));
        }
        // another library (the user's templates) is refused, not misread
        java.util.List<Template> all = java.util.List.copyOf(library.all());
        TemplateLibrary fewer = TemplateLibrary.of(all.subList(1, all.size()));
        assertThat(Bm25Index.shipped(shippedHash, fewer, vocabulary)).isEmpty();
    }

    @Test
    void theShippedClassifierReadsTheBuiltInModel() {
        assertThat(UtteranceClassifier.shipped().modelOrigin()).isEqualTo(UtteranceClassifier.ModelOrigin.BUILT_IN);
    }

    @Test
    void theBuildsRecordOfTheShippedHashIsTheHashOfTheShippedInputs() {
        // start-up takes the recorded hash instead of hashing the examples: it must be the true one
        assertThat(TrainingInputs.storedShippedHash()).hasValueSatisfying(h -> assertThat(h).isEqualTo(shippedHash));
        byte[] record = TrainingInputs.shippedRecord(shippedHash);
        assertThat(Arrays.copyOfRange(record, 4, 36)).isEqualTo(TrainingInputs.shippedFilesStamp());
    }

    @Test
    void aModelRoundTripsThroughItsFileAndIsRefusedForOtherInputs() throws IOException {
        List<CategoryModel.Example> tiny = List.of(
                new CategoryModel.Example(Map.of("w:cache", 0.8, "q:cue", 0.6), Category.CACHING),
                new CategoryModel.Example(Map.of("w:lock", 0.8, "q:cue", 0.6), Category.CONCURRENCY),
                new CategoryModel.Example(Map.of("w:weather", 1.0), Category.NONE));
        CategoryModel model = CategoryModel.train(tiny);
        byte[] hash = new byte[32];
        Arrays.fill(hash, (byte) 7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.write(out, hash);
        byte[] file = out.toByteArray();

        CategoryModel read = CategoryModel.read(new ByteArrayInputStream(file), hash).orElseThrow();
        Map<String, Double> query = Map.of("w:cache", 1.0, "w:unknown", 0.5);
        assertThat(read.probabilities(query)).containsExactly(model.probabilities(query));
        assertThat(CategoryModel.trainingHashOf(new ByteArrayInputStream(file))).hasValueSatisfying(
                h -> assertThat(h).isEqualTo(hash));

        byte[] other = hash.clone();
        other[31] = 8;
        assertThat(CategoryModel.read(new ByteArrayInputStream(file), other)).as("stale").isEmpty();
        assertThat(CategoryModel.read(new ByteArrayInputStream(Arrays.copyOf(file, file.length - 3)), hash))
                .as("cut short").isEmpty();
        byte[] longer = Arrays.copyOf(file, file.length + 1);
        assertThat(CategoryModel.read(new ByteArrayInputStream(longer), hash)).as("trailing data").isEmpty();
        assertThat(CategoryModel.read(new ByteArrayInputStream("not a model".getBytes()), hash)).isEmpty();
    }

    @Test
    void theTrainingHashChangesWithEveryInput() {
        List<ExampleSet.Labelled> oneMore = new ArrayList<>(examples);
        oneMore.add(new ExampleSet.Labelled(Category.NONE, "lovely weather today"));
        assertThat(TrainingInputs.hash(library, vocabulary, detector, oneMore, true)).isNotEqualTo(shippedHash);
        assertThat(TrainingInputs.hash(library, vocabulary, detector, examples, false)).isNotEqualTo(shippedHash);
        assertThat(TrainingInputs.hash(library, AsrVocabulary.empty(), detector, examples, true))
                .isNotEqualTo(shippedHash);
        List<Template> fewer = new ArrayList<>(library.all());
        fewer.remove(0);
        assertThat(TrainingInputs.hash(TemplateLibrary.of(fewer), vocabulary, detector, examples, true))
                .isNotEqualTo(shippedHash);
        assertThat(TrainingInputs.hash(TemplateLibrary.shipped(), AsrVocabulary.shipped(), new QuestionDetector(),
                ExampleSet.shipped(), true)).as("same inputs, same hash").isEqualTo(shippedHash);
    }

    @Test
    void userTemplatesAreTrainedForOnceAndThenReadFromTheCache(@org.junit.jupiter.api.io.TempDir Path home)
            throws IOException {
        Path templates = Files.createDirectories(home.resolve("templates"));
        Files.writeString(templates.resolve("mine.yaml"), """
                category: caching
                templates:
                  - id: my-cdn-question
                    title: My CDN question
                    triggers: [how does our cdn purge work, what is a cdn purge, explain cdn invalidation by tag]
                    keywords: [cdn purge]
                    hint:
                      gist: Purge by tag, not by URL.
                """);
        TemplateLibrary mine = TemplateLibrary.load(java.util.Optional.of(templates));
        assertThat(mine.problems()).isEmpty();
        Path cache = home.resolve("cache");

        UtteranceClassifier first = UtteranceClassifier.of(mine, java.util.Optional.of(cache));
        assertThat(first.modelOrigin()).isEqualTo(UtteranceClassifier.ModelOrigin.TRAINED);
        assertThat(cache.resolve(CategoryModel.CACHE_FILE)).isRegularFile();
        UtteranceClassifier second = UtteranceClassifier.of(mine, java.util.Optional.of(cache));
        assertThat(second.modelOrigin()).isEqualTo(UtteranceClassifier.ModelOrigin.CACHED);

        for (String text : List.of("how would you purge the cdn by tag", "how would you design a rate limiter",
                "can you hear me okay")) {
            Classification a = first.classify(text);
            Classification b = second.classify(text);
            assertThat(b.category()).as(text).isEqualTo(a.category());
            assertThat(b.templateId()).as(text).isEqualTo(a.templateId());
            assertThat(b.confidence()).as(text).isEqualTo(a.confidence());
        }
        assertThat(first.classify("how does our cdn purge work").templateId()).isEqualTo("my-cdn-question");
        // the shipped library does not use (nor overwrite) the user's cached model
        assertThat(UtteranceClassifier.of(TemplateLibrary.shipped(), java.util.Optional.of(cache)).modelOrigin())
                .isEqualTo(UtteranceClassifier.ModelOrigin.BUILT_IN);
    }
}
