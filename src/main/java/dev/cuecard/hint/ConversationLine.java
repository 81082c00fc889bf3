package dev.cuecard.hint;

import dev.cuecard.audio.Channel;

/** One finished utterance of the conversation, as recognised (untrusted text). */
public record ConversationLine(Channel speaker, String text) {
}
