-- Version 5: hints.level goes: every row said 'card' (a hint is the whole card as shown; an LLM
-- draft that replaces it is its own row with source 'llm'). No index, trigger or view uses the
-- column, so SQLite (3.35+) drops it in place; the full-text index reads only hints.text.

ALTER TABLE hints DROP COLUMN level;
