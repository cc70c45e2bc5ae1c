CREATE TABLE "collaboration_session_storage" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"used_bytes" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "collaboration_session_storage_one_row" CHECK ("collaboration_session_storage"."id")
);
--> statement-breakpoint
ALTER TABLE "collaboration_sessions" ADD COLUMN "size_bytes" integer GENERATED ALWAYS AS (octet_length("document_id") + octet_length("key_hint") + coalesce(octet_length("content"), 0) + 128) STORED NOT NULL;--> statement-breakpoint
-- Written by hand (drizzle-kit cannot express triggers): the one row of collaboration_session_storage holds the sum
-- of every session's size_bytes, kept by statement-level triggers. They take that row's lock only at the end of a
-- statement that changes the sum (never for activity updates, which change no size), after every row lock the
-- statement takes, so they cannot deadlock with each other.
INSERT INTO "collaboration_session_storage" ("id", "used_bytes") SELECT true, coalesce(sum("size_bytes"), 0) FROM "collaboration_sessions";--> statement-breakpoint
CREATE FUNCTION "collaboration_sessions_count_bytes"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  delta bigint;
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    UPDATE "collaboration_session_storage" SET "used_bytes" = 0;
    RETURN NULL;
  ELSIF TG_OP = 'INSERT' THEN
    SELECT coalesce(sum("size_bytes"), 0) INTO delta FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT -coalesce(sum("size_bytes"), 0) INTO delta FROM old_rows;
  ELSE
    SELECT coalesce((SELECT sum("size_bytes") FROM new_rows), 0) - coalesce((SELECT sum("size_bytes") FROM old_rows), 0) INTO delta;
  END IF;
  IF delta <> 0 THEN
    UPDATE "collaboration_session_storage" SET "used_bytes" = "used_bytes" + delta;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "collaboration_sessions_bytes_inserted" AFTER INSERT ON "collaboration_sessions" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "collaboration_sessions_count_bytes"();--> statement-breakpoint
CREATE TRIGGER "collaboration_sessions_bytes_updated" AFTER UPDATE ON "collaboration_sessions" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "collaboration_sessions_count_bytes"();--> statement-breakpoint
CREATE TRIGGER "collaboration_sessions_bytes_deleted" AFTER DELETE ON "collaboration_sessions" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "collaboration_sessions_count_bytes"();--> statement-breakpoint
CREATE TRIGGER "collaboration_sessions_bytes_truncated" AFTER TRUNCATE ON "collaboration_sessions" FOR EACH STATEMENT EXECUTE FUNCTION "collaboration_sessions_count_bytes"();
