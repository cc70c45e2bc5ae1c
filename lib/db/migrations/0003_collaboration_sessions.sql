CREATE TABLE "collaboration_sessions" (
	"document_id" text PRIMARY KEY NOT NULL,
	"key_hint" text NOT NULL,
	"content" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_active_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "collaboration_sessions_last_active" ON "collaboration_sessions" USING btree ("last_active_at");