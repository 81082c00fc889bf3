package dev.cuecard.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Separator;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Markdown shown as formatted JavaFX nodes: commonmark-java parses it (with GitHub tables), and
 * each block becomes a node — headings, paragraphs as wrapping text flows, lists, quotes and
 * tables as grids whose cells wrap. Chosen over a WebView: no second rendering engine (javafx-web
 * adds tens of MB of natives to the installer and seconds to the first show), the app's theme and
 * font scale apply as to any node, and tests read the nodes directly. Only what the app's own
 * reports use is rendered; links show their text (nothing here opens a browser).
 */
public final class MarkdownView extends VBox {
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final Set<String> STYLE_CLASSES = Set.of("md-strong", "md-em", "md-code");

    public MarkdownView() {
        getStyleClass().add("markdown");
        setSpacing(8);
        setPadding(new Insets(4, 8, 12, 8));
        getStylesheets().add(MarkdownView.class.getResource("/dev/cuecard/ui/markdown.css").toExternalForm());
    }

    /** Text flows styled and laid out per frame when a document is shown in parts: about a question of a report. */
    private static final int FLOWS_PER_FRAME = 40;

    private final ReadOnlyBooleanWrapper complete = new ReadOnlyBooleanWrapper(true);
    /** The document asked for last: a render or a part of an older one that arrives later is dropped. */
    private int shown;

    /** Replaces the content with {@code markdown}, rendered, at once (a short text; any thread before shown). */
    public void setMarkdown(String markdown) {
        shown++;
        getChildren().setAll(render(markdown));
        complete.set(true);
    }

    /**
     * Replaces the content with {@code markdown}, parsed and built into nodes on {@code tasks} and
     * attached a few blocks per frame: a round's report all at once was one frame of 43-50 ms of FX
     * work (~25 ms parsing and building, the rest styling and laying out some 200 wrapping text
     * flows). The top of the document arrives first; {@link #completeProperty} is false until the
     * last block is attached. FX thread.
     */
    public void showLater(String markdown, TaskExecutor tasks) {
        int ask = ++shown;
        complete.set(false);
        tasks.submit(() -> render(markdown), blocks -> {
            if (ask == shown) {
                getChildren().clear();
                attach(blocks, 0, ask);
            }
        }, e -> {
            if (ask == shown) { // not expected (parsing is lenient): the text as it is rather than nothing
                getChildren().setAll(new TextFlow(new Text(markdown)));
                complete.set(true);
            }
        });
    }

    /** Attaches blocks from {@code from} up to about {@link #FLOWS_PER_FRAME} text flows, the rest after this frame's layout. */
    private void attach(List<Node> blocks, int from, int ask) {
        if (ask != shown) {
            return;
        }
        int to = from;
        for (int flows = 0; to < blocks.size() && (to == from || flows + flows(blocks.get(to)) <= FLOWS_PER_FRAME); to++) {
            flows += flows(blocks.get(to));
        }
        getChildren().addAll(blocks.subList(from, to));
        if (to < blocks.size()) {
            int next = to;
            ShownInParts.afterLayout(this, () -> attach(blocks, next, ask));
        } else {
            complete.set(true);
        }
    }

    /** A block's text flows (a table's cells, a list's items and markers): what its styling and layout cost grows with. */
    private static int flows(Node n) {
        if (n instanceof TextFlow) {
            return 1;
        }
        int count = 0;
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                count += flows(c);
            }
        }
        return Math.max(1, count);
    }

    /** True once every block of the document asked for last is attached (tests and screen readers wait for it). */
    public ReadOnlyBooleanProperty completeProperty() {
        return complete.getReadOnlyProperty();
    }

    /**
     * {@code markdown} as one node per block, not attached to anything: any thread may build them
     * (JavaFX allows building nodes off the FX thread until they are in a shown scene).
     */
    private static List<Node> render(String markdown) {
        return blocks(PARSER.parse(markdown == null ? "" : markdown));
    }

    private static List<Node> blocks(org.commonmark.node.Node parent) {
        List<Node> out = new ArrayList<>();
        for (org.commonmark.node.Node b = parent.getFirstChild(); b != null; b = b.getNext()) {
            Node n = block(b);
            if (n != null) {
                out.add(n);
            }
        }
        return out;
    }

    private static Node block(org.commonmark.node.Node b) {
        if (b instanceof Heading h) {
            TextFlow flow = inline(h);
            flow.getStyleClass().add("md-h" + Math.min(3, h.getLevel()));
            flow.setPadding(new Insets(h.getLevel() == 1 ? 0 : 8, 0, 0, 0));
            return flow;
        }
        if (b instanceof Paragraph p) {
            return inline(p);
        }
        if (b instanceof BulletList || b instanceof OrderedList) {
            return list(b);
        }
        if (b instanceof BlockQuote q) {
            VBox box = new VBox(4);
            box.getChildren().setAll(blocks(q));
            box.getStyleClass().add("md-quote");
            return box;
        }
        if (b instanceof TableBlock t) {
            return table(t);
        }
        if (b instanceof FencedCodeBlock c) {
            return code(c.getLiteral());
        }
        if (b instanceof IndentedCodeBlock c) {
            return code(c.getLiteral());
        }
        if (b instanceof ThematicBreak) {
            return new Separator();
        }
        return null;
    }

    private static Node code(String literal) {
        TextFlow flow = new TextFlow(text(literal.stripTrailing(), "md-code"));
        flow.getStyleClass().add("md-code-block");
        return flow;
    }

    private static VBox list(org.commonmark.node.Node list) {
        VBox box = new VBox(3);
        int number = list instanceof OrderedList o ? o.getStartNumber() : 0;
        for (org.commonmark.node.Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem)) {
                continue;
            }
            Text marker = text(list instanceof OrderedList ? (number++) + "." : "•", "md-marker");
            TextFlow markerFlow = new TextFlow(marker);
            markerFlow.setMinWidth(22);
            markerFlow.setPrefWidth(22);
            VBox content = new VBox(3);
            content.getChildren().setAll(blocks(item));
            HBox.setHgrow(content, Priority.ALWAYS);
            content.setMinWidth(0);
            box.getChildren().add(new HBox(4, markerFlow, content));
        }
        return box;
    }

    /**
     * A table as a grid: the header bold, each cell wrapping; columns share the width by how much
     * text they hold (never less than a narrow minimum), so nothing is cut and nothing scrolls sideways.
     */
    private static GridPane table(TableBlock t) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("md-table");
        grid.setHgap(0);
        grid.setVgap(0);
        List<int[]> lengths = new ArrayList<>();
        int row = 0;
        for (org.commonmark.node.Node section = t.getFirstChild(); section != null; section = section.getNext()) {
            boolean head = section instanceof TableHead;
            for (org.commonmark.node.Node r = section.getFirstChild(); r != null; r = r.getNext()) {
                if (!(r instanceof TableRow)) {
                    continue;
                }
                int col = 0;
                for (org.commonmark.node.Node c = r.getFirstChild(); c != null; c = c.getNext()) {
                    if (!(c instanceof TableCell cell)) {
                        continue;
                    }
                    TextFlow flow = inline(cell);
                    flow.getStyleClass().addAll("md-cell", head ? "md-th" : row % 2 == 0 ? "md-even" : "md-odd");
                    if (head) {
                        flow.getChildren().forEach(n -> n.getStyleClass().add("md-strong"));
                    }
                    flow.setMaxWidth(Double.MAX_VALUE);
                    flow.setMaxHeight(Double.MAX_VALUE);
                    grid.add(flow, col, row);
                    while (lengths.size() <= col) {
                        lengths.add(new int[1]);
                    }
                    lengths.get(col)[0] = Math.max(lengths.get(col)[0], plainLength(flow));
                    col++;
                }
                row++;
            }
        }
        double sum = lengths.stream().mapToDouble(l -> weight(l[0])).sum();
        for (int[] l : lengths) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100 * weight(l[0]) / sum);
            cc.setFillWidth(true);
            grid.getColumnConstraints().add(cc);
        }
        grid.setMaxWidth(Double.MAX_VALUE);
        return grid;
    }

    /** A column's share: its longest cell, damped so one long cell does not squeeze the rest to nothing. */
    private static double weight(int longestCell) {
        return Math.sqrt(Math.max(6, Math.min(longestCell, 400)));
    }

    private static int plainLength(TextFlow flow) {
        return flow.getChildren().stream().filter(n -> n instanceof Text).mapToInt(n -> ((Text) n).getText().length()).sum();
    }

    private static TextFlow inline(org.commonmark.node.Node parent) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("md-flow");
        addInline(parent, flow, Set.of());
        return flow;
    }

    private static void addInline(org.commonmark.node.Node parent, TextFlow flow, Set<String> styles) {
        for (org.commonmark.node.Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof org.commonmark.node.Text t) {
                flow.getChildren().add(text(t.getLiteral(), styles));
            } else if (n instanceof Code c) {
                flow.getChildren().add(text(c.getLiteral(), with(styles, "md-code")));
            } else if (n instanceof StrongEmphasis) {
                addInline(n, flow, with(styles, "md-strong"));
            } else if (n instanceof Emphasis) {
                addInline(n, flow, with(styles, "md-em"));
            } else if (n instanceof SoftLineBreak) {
                flow.getChildren().add(text(" ", styles));
            } else if (n instanceof HardLineBreak) {
                flow.getChildren().add(text("\n", styles));
            } else {
                addInline(n, flow, styles); // links, inline HTML: their text
            }
        }
    }

    private static Set<String> with(Set<String> styles, String more) {
        java.util.HashSet<String> s = new java.util.HashSet<>(styles);
        s.add(more);
        return s;
    }

    private static Text text(String s, Set<String> styles) {
        Text t = new Text(s);
        t.getStyleClass().add("md-text");
        styles.stream().filter(STYLE_CLASSES::contains).sorted().forEach(t.getStyleClass()::add);
        // bold and italic together need one font: CSS sets weight and posture separately, which works
        return t;
    }

    private static Text text(String s, String style) {
        return text(s, Set.of(style));
    }

    /** All the text shown, block by block (tests and accessibility read it; all of it once {@link #completeProperty} is true). */
    public String plainText() {
        StringBuilder b = new StringBuilder();
        collect(this, b);
        return b.toString();
    }

    private static void collect(Node n, StringBuilder b) {
        if (n instanceof Text t) {
            b.append(t.getText());
        } else if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, b);
            }
            if (n instanceof TextFlow) {
                b.append('\n');
            }
        }
    }
}
