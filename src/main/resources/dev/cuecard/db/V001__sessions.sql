-- Version 1: sessions and what happened in them.
-- Times: *_at columns are wall-clock epoch milliseconds; *_ms columns are audio positions (ms since
-- the channel started), the same clock as the transcript events.

CREATE TABLE sessions (
    id            INTEGER PRIMARY KEY,
    kind          TEXT    NOT NULL CHECK (kind IN ('live', 'replay', 'demo', 'practice')),
    status        TEXT    NOT NULL DEFAULT 'recording' CHECK (status IN ('recording', 'complete', 'interrupted')),
    started_at    INTEGER NOT NULL,
    ended_at      INTEGER,
    title         TEXT,
    them_device   TEXT,
    me_device     TEXT,
    speech_model  TEXT,
    llm_model     TEXT,
    llm_input_tokens  INTEGER NOT NULL DEFAULT 0,
    llm_output_tokens INTEGER NOT NULL DEFAULT 0,
    llm_cost_usd  REAL    NOT NULL DEFAULT 0,
    -- the process writing a 'recording' session: a dead writer means the session was interrupted
    writer_pid    INTEGER
);
CREATE INDEX sessions_started ON sessions (started_at);

CREATE TABLE utterances (
    id         INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    channel    TEXT    NOT NULL CHECK (channel IN ('them', 'me')),
    start_ms   INTEGER NOT NULL,
    end_ms     INTEGER NOT NULL,
    text       TEXT    NOT NULL
);
CREATE INDEX utterances_session ON utterances (session_id, start_ms);

CREATE TABLE questions (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,  -- the pipeline's question id; a refinement updates the row
    text        TEXT    NOT NULL,
    category    TEXT    NOT NULL,
    template_id TEXT,
    confidence  REAL    NOT NULL,
    start_ms    INTEGER NOT NULL,  -- where the interviewer's utterance holding the question began
    end_ms      INTEGER NOT NULL,  -- end of the last word of the question heard at decision time
    decided_ms  INTEGER NOT NULL,  -- audio fed to the recogniser when it was decided
    early       INTEGER NOT NULL DEFAULT 0,
    UNIQUE (session_id, seq)
);

CREATE TABLE hints (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    source      TEXT    NOT NULL CHECK (source IN ('template', 'llm')),
    level       TEXT    NOT NULL,  -- 'card' for a whole card; LLM refinements add their own levels
    title       TEXT    NOT NULL,
    content     TEXT    NOT NULL,  -- the structured hint as JSON
    text        TEXT    NOT NULL,  -- the same as plain text, for search
    shown_ms    INTEGER NOT NULL,  -- audio position when it was shown
    latency_ms  INTEGER            -- from the end of the question to the hint
);
CREATE INDEX hints_question ON hints (question_id);
CREATE INDEX hints_session ON hints (session_id);
