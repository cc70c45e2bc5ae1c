CREATE TABLE "feedback" (
	"id" text PRIMARY KEY NOT NULL,
	"page" text NOT NULL,
	"helpful" boolean NOT NULL,
	"comment" text,
	"email" text,
	"status" text DEFAULT 'new' NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_status" CHECK ("feedback"."status" in ('new', 'in-progress', 'done')),
	CONSTRAINT "feedback_page_length" CHECK (char_length("feedback"."page") <= 200),
	CONSTRAINT "feedback_comment_length" CHECK (char_length("feedback"."comment") <= 2000),
	CONSTRAINT "feedback_email_length" CHECK (char_length("feedback"."email") <= 254),
	CONSTRAINT "feedback_note_length" CHECK (char_length("feedback"."note") <= 2000)
);
--> statement-breakpoint
CREATE TABLE "feedback_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"feedback_id" text NOT NULL,
	"actor_id" text NOT NULL,
	"actor_email" text NOT NULL,
	"actor_role" text NOT NULL,
	"action" text NOT NULL,
	"from_value" text,
	"to_value" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_misses" (
	"query" text NOT NULL,
	"kind" text NOT NULL,
	"day" date NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	"last_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "search_misses_pkey" PRIMARY KEY("query","kind","day"),
	CONSTRAINT "search_misses_kind" CHECK ("search_misses"."kind" in ('no-result', 'not-opened')),
	CONSTRAINT "search_misses_query_length" CHECK (char_length("search_misses"."query") <= 200)
);
--> statement-breakpoint
ALTER TABLE "feedback_events" ADD CONSTRAINT "feedback_events_feedback_id_feedback_id_fk" FOREIGN KEY ("feedback_id") REFERENCES "public"."feedback"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_created_at" ON "feedback" USING btree ("created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "feedback_page_created_at" ON "feedback" USING btree ("page","created_at");--> statement-breakpoint
CREATE INDEX "feedback_events_feedback_at" ON "feedback_events" USING btree ("feedback_id","at");--> statement-breakpoint
CREATE INDEX "search_misses_day" ON "search_misses" USING btree ("day");