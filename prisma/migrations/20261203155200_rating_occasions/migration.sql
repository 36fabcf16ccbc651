-- A rating is offered after the decision and after each service; an answered occasion keeps no time.
CREATE TABLE "AnsweredRatingOccasion" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "requestId" INTEGER NOT NULL
);
CREATE INDEX "AnsweredRatingOccasion_requestId_idx" ON "AnsweredRatingOccasion"("requestId");
