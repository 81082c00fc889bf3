-- Version 6: a session whose writes could not all be stored (disk full, storage error) ends as
-- 'incomplete' with the number of lost writes and why; a recording session names the lock file its
-- writer holds, so a dead writer is recognised even when another process got its pid.
-- SQLite cannot change a CHECK constraint in place: the table is rebuilt (foreign keys are off
-- while this runs, so dropping the old table cascades nowhere; its rows are copied first).

CREATE TABLE sessions_v6 (
    id            INTEGER PRIMARY KEY,
    kind          TEXT    NOT NULL CHECK (kind IN ('live', 'replay', 'demo', 'practice')),
    status        TEXT    NOT NULL DEFAULT 'recording'
                          CHECK (status IN ('recording', 'complete', 'interrupted', 'incomplete')),
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
    writer_pid    INTEGER,
    note          TEXT,
    -- the writer's lock file (NAME.lock in the database's -locks folder), held while it records
    writer_lock   TEXT,
    lost_writes   INTEGER NOT NULL DEFAULT 0,
    -- why writes were lost, e.g. "the disk is full (SQLITE_FULL)"
    storage_problem TEXT
);
INSERT INTO sessions_v6 (id, kind, status, started_at, ended_at, title, them_device, me_device, speech_model,
                         llm_model, llm_input_tokens, llm_output_tokens, llm_cost_usd, writer_pid, note)
    SELECT id, kind, status, started_at, ended_at, title, them_device, me_device, speech_model, llm_model,
           llm_input_tokens, llm_output_tokens, llm_cost_usd, writer_pid, note FROM sessions;
DROP TABLE sessions;
ALTER TABLE sessions_v6 RENAME TO sessions;
CREATE INDEX sessions_started ON sessions (started_at);
