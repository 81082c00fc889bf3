package dev.cuecard.practice;

/**
 * The rubric's dimensions and their weights. The total is
 * {@code 10 × Σ weight·score / Σ weight} over the dimensions that were measured (pace is not
 * measured for a typed answer), each score in [0, 1]; the weights add up to 10, so with every
 * dimension measured a dimension's weight is the points it can bring.
 */
public enum Dimension {
    COVERAGE("coverage", 3),
    STRUCTURE("structure", 2),
    SPECIFICITY("specificity", 2),
    LENGTH("length", 1),
    PACE("pace", 1),
    FILLERS("filler words", 1);

    private final String label;
    private final int weight;

    Dimension(String label, int weight) {
        this.label = label;
        this.weight = weight;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public int weight() {
        return weight;
    }
}
