package dev.cuecard.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering rules of ARCHITECTURE.md, enforced from the first commit. */
@AnalyzeClasses(packages = "dev.cuecard", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyUiAndHotkeyUseJavaFx = noClasses()
            .that().resideOutsideOfPackages("dev.cuecard.ui..", "dev.cuecard.hotkey..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the engine must run headless: CLI, tests and UI drive the same pipeline");

    @ArchTest
    static final ArchRule onlyCliPrints = noClasses()
            .that().resideOutsideOfPackage("dev.cuecard.cli..")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .orShould().callMethod(Throwable.class, "printStackTrace")
            .because("only the cli package writes to standard streams; everything else logs");

    @ArchTest
    static final ArchRule threadsAreMadeByTheNamedFactory = noClasses()
            .that().doNotHaveFullyQualifiedName("dev.cuecard.pipeline.NamedThreadFactory")
            .should().callConstructorWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                    com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                            com.tngtech.archunit.base.DescribedPredicate.describe("Thread",
                                    c -> c.isEquivalentTo(Thread.class)))))
            .because("every thread is named and a daemon, made in one place");

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices()
            .matching("dev.cuecard.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule engineDoesNotDependOnCli = noClasses()
            .that().resideOutsideOfPackage("dev.cuecard.cli..")
            .and().doNotHaveFullyQualifiedName("dev.cuecard.Main")
            .should().dependOnClassesThat().resideInAPackage("dev.cuecard.cli..");

    @ArchTest
    static final ArchRule voskStaysInTheAsrAdapter = noClasses()
            .that().resideOutsideOfPackage("dev.cuecard.asr..")
            .should().dependOnClassesThat().resideInAPackage("org.vosk..")
            .because("raw Vosk types and JSON never pass the adapter");

    @ArchTest
    static final ArchRule benchmarksAreNotShipped = noClasses()
            .should().resideInAPackage("dev.cuecard.bench..")
            .orShould().haveSimpleNameEndingWith("Benchmark")
            .orShould().haveSimpleNameStartingWith("Bench")
            .orShould().dependOnClassesThat().resideInAPackage("dev.cuecard.bench..")
            .because("benchmarks live in the test tree and run from target/cuecard-bench.jar, never from the app");

    @ArchTest
    static final ArchRule langchain4jStaysBehindTheLlmSeam = noClasses()
            .that().resideOutsideOfPackage("dev.cuecard.hint.llm..")
            .and().haveNameNotMatching("dev\\.cuecard\\.practice\\.LlmAnswerReviewer(\\$.*)?")
            .and().haveNameNotMatching("dev\\.cuecard\\.question\\.OnnxSentenceEmbedder(\\$.*)?")
            .should().dependOnClassesThat().resideInAPackage("dev.langchain4j..")
            .because("the LLM client lives in hint.llm; practice reaches it through JsonChat, and the embedding "
                    + "model has its own adapter");

    @ArchTest
    static final ArchRule practiceReviewerOnlyDescribesItsRequest = noClasses()
            .that().haveNameMatching("dev\\.cuecard\\.practice\\.LlmAnswerReviewer(\\$.*)?")
            .should().dependOnClassesThat(resideInAPackage("dev.langchain4j..").and(not(resideInAnyPackage(
                    "dev.langchain4j.data.message..", "dev.langchain4j.model.chat.request..",
                    "dev.langchain4j.model.input.."))))
            .because("practice builds its messages, prompt and response schema; hint.llm's JsonChat sends them "
                    + "(one HTTP client, one set of time-out and retry rules)");

    @ArchTest
    static final ArchRule embeddingRuntimeStaysInItsAdapter = noClasses()
            .that().haveNameNotMatching("dev\\.cuecard\\.question\\.OnnxSentenceEmbedder(\\$.*)?")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.langchain4j.model.embedding..", "dev.langchain4j.data.embedding..",
                    "ai.onnxruntime..", "ai.djl..")
            .because("the ONNX model and its native libraries load in one place, whose failure is a status");
}
