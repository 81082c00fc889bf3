-- Version 9: a replay stopped (Ctrl+C) before the end of its recording ends as 'stopped', with how
-- far into the recording it got and how long the recording is; it is not 'complete', as if all of it
-- had been heard. SQLite cannot change a CHECK constraint in place: the table is rebuilt as in version
-- 6 (foreign keys are off while this runs; its rows are copied first).

CREATE TABLE sessions_v9 (
    id            INTEGER PRIMARY KEY,
    kind          TEXT    NOT NULL CHECK (kind IN ('live', 'replay', 'demo', 'practice')),
    status        TEXT    NOT NULL DEFAULT 'recording'
                          CHECK (status IN ('recording', 'complete', 'interrupted', 'incomplete', 'stopped')),
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
    storage_problem TEXT,
    -- a stopped session: the audio position (ms) of its recording that was heard, and the recording's
    -- length (ms; null when its header does not say)
    heard_ms      INTEGER,
    recording_ms  INTEGER
);
INSERT INTO sessions_v9 (id, kind, status, started_at, ended_at, title, them_device, me_device, speech_model,
                         llm_model, llm_input_tokens, llm_output_tokens, llm_cost_usd, writer_pid, note,
                         writer_lock, lost_writes, storage_problem)
    SELECT id, kind, status, started_at, ended_at, title, them_device, me_device, speech_model, llm_model,
           llm_input_tokens, llm_output_tokens, llm_cost_usd, writer_pid, note, writer_lock, lost_writes,
           storage_problem FROM sessions;
DROP TABLE sessions;
ALTER TABLE sessions_v9 RENAME TO sessions;
CREATE INDEX sessions_started ON sessions (started_at);
