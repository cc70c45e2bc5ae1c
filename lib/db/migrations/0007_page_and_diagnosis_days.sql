CREATE TABLE "diagnosis_days" (
	"account_id" text NOT NULL,
	"day" date NOT NULL,
	"code" text NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "diagnosis_days_pkey" PRIMARY KEY("account_id","day","code")
);
--> statement-breakpoint
CREATE TABLE "feedback_page_days" (
	"page" text NOT NULL,
	"day" date NOT NULL,
	"views" integer DEFAULT 0 NOT NULL,
	"helpful" integer DEFAULT 0 NOT NULL,
	"unhelpful" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "feedback_page_days_pkey" PRIMARY KEY("page","day"),
	CONSTRAINT "feedback_page_days_page_length" CHECK (char_length("feedback_page_days"."page") <= 200)
);
--> statement-breakpoint
ALTER TABLE "diagnosis_days" ADD CONSTRAINT "diagnosis_days_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_page_days_day" ON "feedback_page_days" USING btree ("day");--> statement-breakpoint
INSERT INTO "feedback_page_days" ("page", "day", "helpful", "unhelpful")
SELECT "page", ("created_at" AT TIME ZONE 'UTC')::date, count(*) FILTER (WHERE "helpful"), count(*) FILTER (WHERE NOT "helpful")
FROM "feedback" GROUP BY 1, 2;
