-- Schema version 5: named column mappings for statement import (CSV), saved per user and picked
-- automatically when a file with the same header arrives (header_signature: CsvMapping::headerSignature).

CREATE TABLE import_presets (
    id               INTEGER PRIMARY KEY,
    user_id          INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name             TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(name)) > 0),
    -- Empty for a preset saved from a file without a header row: it is chosen by name only.
    header_signature TEXT NOT NULL DEFAULT '',
    mapping          TEXT NOT NULL CHECK (json_valid(mapping) AND json_type(mapping) = 'object'),
    created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (user_id, name)
);

CREATE INDEX import_presets_signature ON import_presets (user_id, header_signature);
