package dev.cuecard.cli;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * What the CLI's JSON writes as {@code \}{@code uXXXX} beyond what JSON requires (characters below
 * 0x20): DEL, the C1 controls (U+0080–U+009F; U+009B is a terminal's CSI), line and paragraph
 * separators and bidirectional overrides — the characters {@link TerminalText} escapes in text output.
 * Heard text, a user's templates or an LLM's draft may carry them, and JSON lines are often read in a
 * terminal; a JSON reader gets the same string back.
 */
final class JsonTextEscapes extends CharacterEscapes {
    private static final int[] ASCII = standardAsciiEscapesForJSON();

    static {
        ASCII[0x7f] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ASCII;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        return ch <= 0xffff && TerminalText.replacement((char) ch) != null
                ? new SerializedString(String.format("\\u%04x", ch))
                : null;
    }
}
