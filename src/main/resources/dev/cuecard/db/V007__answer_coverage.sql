-- Version 7 (issue 15): what the live answer coach saw, per answer. Numbered 7 because version 6
-- is taken on another branch; SchemaMigrations.FILES lists the files in version order.

-- a key point of the card ticked while the candidate answered
CREATE TABLE answer_coverage (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,  -- the pipeline's question id (questions.seq)
    point       TEXT    NOT NULL,  -- the key point's text as the card showed it
    at_ms       INTEGER NOT NULL,  -- candidate audio fed to the recogniser when it was ticked
    UNIQUE (session_id, seq, point)
);

-- the end of an answer: its delivery and the follow-up the coach expected
CREATE TABLE answer_delivery (
    session_id       INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    seq              INTEGER NOT NULL,
    duration_ms      INTEGER NOT NULL,  -- first to last word
    words_per_minute REAL    NOT NULL,
    fillers          INTEGER NOT NULL,
    follow_up        TEXT,
    at_ms            INTEGER NOT NULL,
    PRIMARY KEY (session_id, seq)
);
