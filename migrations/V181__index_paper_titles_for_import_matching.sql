-- A BibTeX import matches an entry to a paper of the same normalised title and year
-- (Identifiers.titleKey in the application: NFKD, accents dropped, lower case, letters and digits).
-- It used to read every paper of the corpus into memory to compare those keys, which does not
-- scale to a 100,000-paper corpus. This coarser key (the ASCII letters and digits of the NFKD
-- form, lower-cased) is equal whenever the application's keys are equal, so an indexed look-up by
-- it finds every candidate, and the application keeps only the exact matches. translate() rather
-- than lower(): the result must not depend on the database's locale. normalize() needs a UTF8
-- database, as the embedded server's is.
CREATE FUNCTION kb_title_match_key(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN translate(regexp_replace(normalize($1, NFKD), '[^A-Za-z0-9]+', '', 'g'),
                     'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz');

CREATE INDEX paper_title_match_key_idx ON paper (kb_title_match_key(title));
