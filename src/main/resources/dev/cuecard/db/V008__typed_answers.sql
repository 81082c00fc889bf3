-- Version 8: an answer typed in practice is stored as an utterance like a spoken one, with times
-- only estimated for the timeline; this marks it so the debrief does not report its pace, length
-- or share of the talking as if they had been measured.
ALTER TABLE utterances ADD COLUMN typed INTEGER NOT NULL DEFAULT 0;
