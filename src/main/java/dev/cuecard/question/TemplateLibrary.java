package dev.cuecard.question;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All templates: the shipped ones (one YAML resource per category) plus the user's folder, whose
 * templates add to or replace shipped ones with the same id. A broken file or entry is reported
 * with file and line and skipped; everything else loads.
 */
public final class TemplateLibrary {
    static final String RESOURCE_DIR = "/dev/cuecard/templates/";

    private final Map<String, Template> byId;
    private final List<TemplateLoadProblem> problems;

    private TemplateLibrary(Map<String, Template> byId, List<TemplateLoadProblem> problems) {
        this.byId = byId;
        this.problems = List.copyOf(problems);
    }

    /** Templates in file order and what was wrong with the files. */
    record Parsed(List<Template> templates, List<TemplateLoadProblem> problems) {
    }

    /** The shipped templates, read once per process (the library is immutable). */
    private static final class Shipped {
        static final Parsed PARSED = ShippedData.get().map(d -> new Parsed(d.templates(), List.of()))
                .orElseGet(TemplateLibrary::parseShipped);
        static final TemplateLibrary LIBRARY = with(Optional.empty());
    }

    /** The shipped templates only. */
    public static TemplateLibrary shipped() {
        return Shipped.LIBRARY;
    }

    /** Shipped templates, then every {@code *.yaml} in {@code userDir} on top. */
    public static TemplateLibrary load(Optional<Path> userDir) {
        return userDir.filter(Files::isDirectory).isPresent() ? with(userDir) : Shipped.LIBRARY;
    }

    /** Parses the shipped YAML resources (the build does; the app only when its stored copy is stale). */
    static Parsed parseShipped() {
        Map<String, Template> byId = new LinkedHashMap<>();
        List<TemplateLoadProblem> problems = new ArrayList<>();
        for (Category c : Category.topics()) {
            String name = RESOURCE_DIR + c.id() + ".yaml";
            try (InputStream in = TemplateLibrary.class.getResourceAsStream(name)) {
                if (in == null) {
                    problems.add(new TemplateLoadProblem(name, 0, "missing from the build"));
                    continue;
                }
                readFile(in, c.id() + ".yaml", byId, problems);
            } catch (IOException e) {
                problems.add(new TemplateLoadProblem(name, 0, e.getMessage()));
            }
        }
        return new Parsed(List.copyOf(byId.values()), problems);
    }

    private static TemplateLibrary with(Optional<Path> userDir) {
        Map<String, Template> byId = new LinkedHashMap<>();
        Shipped.PARSED.templates().forEach(t -> byId.put(t.id(), t));
        List<TemplateLoadProblem> problems = new ArrayList<>(Shipped.PARSED.problems());
        userDir.filter(Files::isDirectory).ifPresent(dir -> {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.{yaml,yml}")) {
                List<Path> sorted = new ArrayList<>();
                files.forEach(sorted::add);
                sorted.sort(null);
                for (Path f : sorted) {
                    try (InputStream in = Files.newInputStream(f)) {
                        readFile(in, f.toString(), byId, problems);
                    } catch (IOException e) {
                        problems.add(new TemplateLoadProblem(f.toString(), 0, "cannot read: " + e.getMessage()));
                    }
                }
            } catch (IOException e) {
                problems.add(new TemplateLoadProblem(dir.toString(), 0, "cannot list: " + e.getMessage()));
            }
        });
        return new TemplateLibrary(byId, problems);
    }

    /** Builds a library from templates already in memory (tests, practice sets). */
    public static TemplateLibrary of(Collection<Template> templates) {
        Map<String, Template> byId = new LinkedHashMap<>();
        templates.forEach(t -> byId.put(t.id(), t));
        return new TemplateLibrary(byId, List.of());
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CardDto(String gist, List<String> structure, List<String> keyPoints, List<String> numbers,
                   List<String> pitfalls, List<String> followUps) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TemplateDto(String id, String category, String title, List<String> triggers, List<String> keywords,
                       CardDto hint) {
    }

    /** Made on first use: starting Jackson's YAML takes a few hundred ms, which a start without user templates skips. */
    private static final class Yaml {
        static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());
    }

    private static void readFile(InputStream in, String file, Map<String, Template> byId,
                                 List<TemplateLoadProblem> problems) {
        ObjectMapper yaml = Yaml.MAPPER;
        try (JsonParser p = yaml.getFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                problems.add(new TemplateLoadProblem(file, line(p), "expected 'category:' and 'templates:' keys"));
                return;
            }
            String fileCategory = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("category".equals(field)) {
                    fileCategory = p.getValueAsString();
                } else if ("templates".equals(field) && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        int line = line(p);
                        TemplateDto dto;
                        try {
                            dto = yaml.readValue(p, TemplateDto.class);
                        } catch (JsonProcessingException e) {
                            problems.add(new TemplateLoadProblem(file, line, e.getOriginalMessage()));
                            // the parser may be anywhere now: stop reading this file
                            return;
                        }
                        toTemplate(dto, fileCategory, file, line, problems).ifPresent(t -> byId.put(t.id(), t));
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            problems.add(new TemplateLoadProblem(file, line, "not valid YAML: " + e.getOriginalMessage()));
        } catch (IOException e) {
            problems.add(new TemplateLoadProblem(file, 0, e.getMessage()));
        }
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation() == null ? 0 : p.currentTokenLocation().getLineNr();
    }

    private static Optional<Template> toTemplate(TemplateDto d, String fileCategory, String file, int line,
                                                 List<TemplateLoadProblem> problems) {
        String categoryId = d.category() != null ? d.category() : fileCategory;
        Optional<Category> category = Optional.ofNullable(categoryId).flatMap(Category::fromId);
        String problem = null;
        if (d.id() == null || d.id().isBlank()) {
            problem = "template without 'id'";
        } else if (category.isEmpty() || category.get() == Category.NONE) {
            problem = "template '" + d.id() + "' has no valid category (got '" + categoryId + "')";
        } else if (d.triggers() == null || d.triggers().isEmpty()) {
            problem = "template '" + d.id() + "' has no 'triggers'";
        } else if (d.hint() == null || d.hint().gist() == null || d.hint().gist().isBlank()) {
            problem = "template '" + d.id() + "' has no 'hint.gist'";
        }
        if (problem != null) {
            problems.add(new TemplateLoadProblem(file, line, problem));
            return Optional.empty();
        }
        CardDto h = d.hint();
        TemplateCard card = new TemplateCard(h.gist().strip(), list(h.structure()), list(h.keyPoints()),
                list(h.numbers()), list(h.pitfalls()), list(h.followUps()));
        String title = d.title() == null || d.title().isBlank() ? d.id() : d.title().strip();
        return Optional.of(new Template(d.id().strip(), category.get(), title, list(d.triggers()), list(d.keywords()),
                card, file + ":" + line));
    }

    private static List<String> list(List<String> l) {
        return l == null ? List.of() : l.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList();
    }

    public Optional<Template> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<Template> all() {
        return Collections.unmodifiableCollection(byId.values());
    }

    public List<Template> inCategory(Category c) {
        return byId.values().stream().filter(t -> t.category() == c).toList();
    }

    public List<TemplateLoadProblem> problems() {
        return problems;
    }
}
