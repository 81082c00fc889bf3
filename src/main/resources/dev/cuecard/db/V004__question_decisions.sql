-- Version 4: every decision about a question's card, in order: the first card and each change,
-- with the reading it was based on and why it was taken, so a debrief can show why a card changed.

CREATE TABLE question_decisions (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,  -- the pipeline's question id (questions.seq)
    decided_ms  INTEGER NOT NULL,  -- audio fed to the recogniser when it was decided
    text        TEXT    NOT NULL,  -- what had been heard at that moment
    category    TEXT    NOT NULL,
    template_id TEXT,
    confidence  REAL    NOT NULL,
    reason      TEXT    NOT NULL   -- dev.cuecard.question.DecisionReason id
);
CREATE INDEX question_decisions_session ON question_decisions (session_id, seq);
