-- Rows written before these limits existed are brought within them first, so the constraints can be added:
-- over-long names are cut short, an over-long picture address is dropped, and an over-long email (no mail
-- can be delivered to it) is replaced by a unique placeholder, which keeps the user, their account and keys.
UPDATE "accounts" SET "name" = left("name", 120) WHERE char_length("name") > 120;--> statement-breakpoint
UPDATE "users" SET "name" = left("name", 100) WHERE char_length("name") > 100;--> statement-breakpoint
UPDATE "users" SET "image" = NULL WHERE char_length("image") > 2048;--> statement-breakpoint
UPDATE "users" SET "email" = 'over-long-' || "id" || '@invalid' WHERE char_length("email") > 254;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_name_length" CHECK (char_length("accounts"."name") <= 120);--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_name_length" CHECK (char_length("users"."name") <= 100);--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_email_length" CHECK (char_length("users"."email") <= 254);--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_image_length" CHECK (char_length("users"."image") <= 2048);
