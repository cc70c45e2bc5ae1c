CREATE TABLE "support_bundles" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"sender_id" text NOT NULL,
	"message" text,
	"summary" jsonb NOT NULL,
	"bundle" jsonb NOT NULL,
	"size_bytes" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "support_bundles_message_length" CHECK (char_length("support_bundles"."message") <= 2000)
);
--> statement-breakpoint
ALTER TABLE "support_bundles" ADD CONSTRAINT "support_bundles_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_bundles" ADD CONSTRAINT "support_bundles_sender_id_users_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "support_bundles_account_created" ON "support_bundles" USING btree ("account_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "support_bundles_sender_created" ON "support_bundles" USING btree ("sender_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "support_bundles_expires" ON "support_bundles" USING btree ("expires_at");