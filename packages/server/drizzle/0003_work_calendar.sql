CREATE TABLE "work_calendar" (
	"day" date PRIMARY KEY NOT NULL,
	"work" boolean NOT NULL,
	"name" text NOT NULL
);
