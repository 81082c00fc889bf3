-- Version 3: practice scores. One row per scored answer (a practice question, or a live answer
-- scored later), so weak topics and progress per category are a query, not a re-scoring.

CREATE TABLE answer_scores (
    question_id INTEGER PRIMARY KEY REFERENCES questions (id) ON DELETE CASCADE,
    session_id  INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    total       REAL    NOT NULL CHECK (total BETWEEN 0 AND 10),
    breakdown   TEXT    NOT NULL,  -- the rubric's dimensions as JSON
    follow_up   TEXT,              -- the pushback question asked after the answer
    scored_at   INTEGER NOT NULL   -- wall-clock epoch ms
);
CREATE INDEX answer_scores_session ON answer_scores (session_id);
