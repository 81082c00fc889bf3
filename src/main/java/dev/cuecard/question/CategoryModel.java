package dev.cuecard.question;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Multinomial logistic regression over sparse text features: which category (incl. NONE) an
 * utterance belongs to, with a probability that serves as the calibrated confidence. Trained
 * deterministically (fixed seed), so behaviour is the same on every machine: for the shipped
 * templates and examples at build time ({@link PrecomputeShipped}, read back with {@link #read}),
 * otherwise (the user's own templates) when the classifier is built.
 */
final class CategoryModel {
    static final int EPOCHS = 30;
    static final double LEARNING_RATE = 0.5;
    static final double L2 = 1e-5;
    static final long SEED = 20261125L;
    /** The build-time model of the shipped templates and examples. */
    static final String RESOURCE = "/dev/cuecard/question/category-model.bin";
    /** The file a model trained for the user's templates is kept in (in the cache folder). */
    static final String CACHE_FILE = "category-model.bin";
    private static final Logger LOG = LoggerFactory.getLogger(CategoryModel.class);
    /** "CQM1": the file format below. */
    private static final int MAGIC = 0x43514D31;

    /** A training text and its category. */
    record Example(Map<String, Double> features, Category category) {
    }

    private final Map<String, Integer> index;
    /** Feature-major: the weight of feature j for class c is {@code weights[j * classes + c]}. */
    private final double[] weights;
    private final double[] bias;

    private CategoryModel(Map<String, Integer> index, double[] weights, double[] bias) {
        this.index = index;
        this.weights = weights;
        this.bias = bias;
    }

    /** One example's features as parallel arrays (feature index, value), in the map's iteration order. */
    private record Compiled(int[] features, double[] values, int truth) {
    }

    static CategoryModel train(List<Example> examples) {
        Map<String, Integer> index = new HashMap<>();
        for (Example e : examples) {
            for (String f : e.features().keySet()) {
                index.putIfAbsent(f, index.size());
            }
        }
        int classes = Category.values().length;
        // the arrays keep each map's iteration order, so every sum adds the same numbers in the
        // same order as a loop over the map would: the weights are bit for bit those of a map-based
        // trainer, ~3x faster. Repeated examples (the weighted small talk) share one compiled copy.
        Map<Example, Compiled> compiled = new IdentityHashMap<>();
        List<Compiled> order = new ArrayList<>(examples.size());
        for (Example e : examples) {
            order.add(compiled.computeIfAbsent(e, x -> compile(x, index)));
        }
        double[] w = new double[index.size() * classes];
        double[] b = new double[classes];
        Random random = new Random(SEED);
        double[] p = new double[classes];
        double[] grad = new double[classes];
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            Collections.shuffle(order, random);
            double rate = LEARNING_RATE / (1 + epoch * 0.2);
            for (Compiled e : order) {
                scores(e.features(), e.values(), w, b, p);
                Softmax.inPlace(p);
                for (int c = 0; c < classes; c++) {
                    grad[c] = p[c] - (c == e.truth() ? 1 : 0);
                    b[c] -= rate * grad[c];
                }
                int[] fs = e.features();
                double[] vs = e.values();
                for (int k = 0; k < fs.length; k++) {
                    int base = fs[k] * classes;
                    double v = vs[k];
                    for (int c = 0; c < classes; c++) {
                        w[base + c] -= rate * (grad[c] * v + L2 * w[base + c]);
                    }
                }
            }
        }
        return new CategoryModel(index, w, b);
    }

    private static Compiled compile(Example e, Map<String, Integer> index) {
        int n = e.features().size();
        int[] fs = new int[n];
        double[] vs = new double[n];
        int k = 0;
        for (Map.Entry<String, Double> f : e.features().entrySet()) {
            fs[k] = index.get(f.getKey());
            vs[k] = f.getValue();
            k++;
        }
        return new Compiled(fs, vs, e.category().ordinal());
    }

    /** Class scores; each class's sum runs over the features in the given order. */
    private static void scores(int[] features, double[] values, double[] w, double[] b, double[] out) {
        int classes = out.length;
        System.arraycopy(b, 0, out, 0, classes);
        for (int k = 0; k < features.length; k++) {
            int base = features[k] * classes;
            double v = values[k];
            for (int c = 0; c < classes; c++) {
                out[c] += w[base + c] * v;
            }
        }
    }

    /** Probability per category, indexed by {@link Category#ordinal()}. */
    double[] probabilities(Map<String, Double> features) {
        int[] fs = new int[features.size()];
        double[] vs = new double[features.size()];
        int n = 0;
        for (Map.Entry<String, Double> f : features.entrySet()) {
            Integer j = index.get(f.getKey());
            if (j != null) {
                fs[n] = j;
                vs[n] = f.getValue();
                n++;
            }
        }
        double[] p = new double[bias.length];
        scores(Arrays.copyOf(fs, n), Arrays.copyOf(vs, n), weights, bias, p);
        Softmax.inPlace(p);
        return p;
    }

    /**
     * The model built with the app ({@link #RESOURCE}) when it was trained from what {@code hash}
     * describes; empty (and a log line saying why) when the inputs differ or the file is missing.
     */
    static Optional<CategoryModel> shipped(byte[] hash) {
        try (InputStream in = CategoryModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                LOG.warn("the category model {} is missing from the build: training one", RESOURCE);
                return Optional.empty();
            }
            Optional<CategoryModel> model = read(in, hash);
            if (model.isEmpty()) {
                LOG.info("templates, examples or vocabulary differ from the built-in category model's: training one");
            }
            return model;
        } catch (IOException e) {
            LOG.warn("the built-in category model is unreadable ({}): training one", e.getMessage());
            return Optional.empty();
        }
    }

    /** A model kept by {@link #keep} in {@code dir} when it was trained from what {@code hash} describes. */
    static Optional<CategoryModel> cached(Path dir, byte[] hash) {
        Path file = dir.resolve(CACHE_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            Optional<CategoryModel> model = read(in, hash);
            if (model.isPresent()) {
                LOG.info("category model for the user's templates read from {}", file);
            }
            return model;
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Keeps a model trained for the user's templates in {@code dir} (one file, replaced); failure is only logged. */
    static void keep(Path dir, CategoryModel model, byte[] hash) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "category-model", ".tmp");
            try {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                    model.write(out, hash);
                }
                Files.move(tmp, dir.resolve(CACHE_FILE), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            LOG.warn("could not keep the trained category model in {}: {}", dir, e.getMessage());
        }
    }

    int features() {
        return index.size();
    }

    /**
     * Big-endian: magic "CQM1", the 32-byte SHA-256 of what the model was trained from, the class
     * ids (count, UTF each, in {@link Category} order), the feature names (count, then one UTF-8
     * block of the names in index order, each ended by '\n'), then every weight as a double
     * (feature-major) and the biases. Doubles, not floats: a loaded model gives exactly the
     * probabilities of a freshly trained one, so the CLI prints the same numbers either way.
     */
    void write(OutputStream out, byte[] trainingHash) throws IOException {
        if (trainingHash.length != 32) {
            throw new IllegalArgumentException("a SHA-256 has 32 bytes");
        }
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(MAGIC);
        d.write(trainingHash);
        d.writeInt(bias.length);
        for (Category c : Category.values()) {
            d.writeUTF(c.id());
        }
        String[] names = new String[index.size()];
        index.forEach((name, j) -> names[j] = name);
        StringBuilder block = new StringBuilder();
        for (String name : names) {
            if (name.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("feature name with a line break: " + name);
            }
            block.append(name).append('\n');
        }
        byte[] utf8 = block.toString().getBytes(StandardCharsets.UTF_8);
        d.writeInt(names.length);
        d.writeInt(utf8.length);
        d.write(utf8);
        ByteBuffer numbers = ByteBuffer.allocate((weights.length + bias.length) * Double.BYTES);
        numbers.asDoubleBuffer().put(weights).put(bias);
        d.write(numbers.array());
        d.flush();
    }

    /** The training hash in a model file's header; empty when it is not a model file. */
    static Optional<byte[]> trainingHashOf(InputStream in) {
        try {
            DataInputStream d = new DataInputStream(new BufferedInputStream(in));
            if (d.readInt() != MAGIC) {
                return Optional.empty();
            }
            return Optional.of(d.readNBytes(32));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The model in {@code in} when it was trained from exactly what {@code expectedHash} describes;
     * empty when it was made from other inputs (stale) or is not a readable model file.
     */
    static Optional<CategoryModel> read(InputStream in, byte[] expectedHash) {
        try {
            DataInputStream d = new DataInputStream(new BufferedInputStream(in, 1 << 16));
            if (d.readInt() != MAGIC || !Arrays.equals(d.readNBytes(32), expectedHash)) {
                return Optional.empty();
            }
            int classes = d.readInt();
            if (classes != Category.values().length) {
                return Optional.empty();
            }
            for (Category c : Category.values()) {
                if (!d.readUTF().equals(c.id())) {
                    return Optional.empty();
                }
            }
            int count = d.readInt();
            int bytes = d.readInt();
            if (count < 0 || bytes < count || count > 10_000_000 || bytes > 200_000_000) {
                return Optional.empty();
            }
            String block = new String(d.readNBytes(bytes), StandardCharsets.UTF_8);
            Map<String, Integer> index = new HashMap<>(count * 4 / 3 + 1);
            int start = 0;
            for (int j = 0; j < count; j++) {
                int end = block.indexOf('\n', start);
                if (end < 0) {
                    return Optional.empty();
                }
                index.put(block.substring(start, end), j);
                start = end + 1;
            }
            if (start != block.length() || index.size() != count) {
                return Optional.empty();
            }
            double[] w = new double[count * classes];
            double[] b = new double[classes];
            ByteBuffer numbers = ByteBuffer.wrap(d.readNBytes((w.length + b.length) * Double.BYTES));
            if (numbers.remaining() != (w.length + b.length) * Double.BYTES) {
                return Optional.empty();
            }
            numbers.asDoubleBuffer().get(w).get(b);
            if (d.read() != -1) {
                return Optional.empty();
            }
            return Optional.of(new CategoryModel(index, w, b));
        } catch (IOException e) {
            // EOFException included: a file cut short
            return Optional.empty();
        }
    }
}
