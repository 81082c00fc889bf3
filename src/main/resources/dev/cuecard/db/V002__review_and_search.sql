-- Version 2: the user's notes and ratings, and full-text search over what was said and shown.

ALTER TABLE sessions ADD COLUMN note TEXT;
ALTER TABLE questions ADD COLUMN note TEXT;
ALTER TABLE questions ADD COLUMN rating INTEGER CHECK (rating BETWEEN 1 AND 5);

-- External-content indexes: the text lives once, in its table; triggers keep the index in step,
-- so deleting rows (also through ON DELETE CASCADE) removes their index entries.
CREATE VIRTUAL TABLE utterance_search USING fts5 (
    text, content = 'utterances', content_rowid = 'id', tokenize = 'porter unicode61');
CREATE VIRTUAL TABLE hint_search USING fts5 (
    text, content = 'hints', content_rowid = 'id', tokenize = 'porter unicode61');
-- deleted entries leave the index at once instead of at the next merge ("delete all my data")
INSERT INTO utterance_search (utterance_search, rank) VALUES ('secure-delete', 1);
INSERT INTO hint_search (hint_search, rank) VALUES ('secure-delete', 1);

CREATE TRIGGER utterances_ai AFTER INSERT ON utterances BEGIN
    INSERT INTO utterance_search (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER utterances_ad AFTER DELETE ON utterances BEGIN
    INSERT INTO utterance_search (utterance_search, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER utterances_au AFTER UPDATE OF text ON utterances BEGIN
    INSERT INTO utterance_search (utterance_search, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO utterance_search (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER hints_ai AFTER INSERT ON hints BEGIN
    INSERT INTO hint_search (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER hints_ad AFTER DELETE ON hints BEGIN
    INSERT INTO hint_search (hint_search, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER hints_au AFTER UPDATE OF text ON hints BEGIN
    INSERT INTO hint_search (hint_search, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO hint_search (rowid, text) VALUES (new.id, new.text);
END;

-- sessions recorded under version 1 become searchable too
INSERT INTO utterance_search (utterance_search) VALUES ('rebuild');
INSERT INTO hint_search (hint_search) VALUES ('rebuild');
