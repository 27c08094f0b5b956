import { createEmptyCard, fsrs, Rating } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { getQuizById } from "@/lib/content/quizzes";
import { deleteUser, exportUserData } from "@/lib/db/account";
import { prisma } from "@/lib/db/client";
import { drawLayout } from "@/lib/quiz/layout";
import { getAttemptView, startAttempt, submitAttempt } from "@/lib/services/attempts";
import { getJourney } from "@/lib/services/journey";
import { getProgressSummary, markLessonComplete, openLesson } from "@/lib/services/progress";
import { checkReviewAnswer, getReviewQueue, rateCard } from "@/lib/services/review";
import { appError } from "../support/app-error";
import { newLearner } from "../support/learners";
import { isSimulated, perfectResponse, perfectResponses } from "../support/quiz-answers";

const MIN = 60_000;
const DAY = 86_400_000;
const t0 = new Date("2027-01-10T09:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

describe("attempt rules", () => {
  const day2 = getQuizById("day-02");
  const day3 = getQuizById("day-03");
  if (!day2 || !day3) throw new Error("quizzes missing");

  it("day 2 draws a pool of 10 of its 13 questions, reproducibly from the seed", async () => {
    expect(day2.quiz.rules.drawCount).toBe(10);
    const a = drawLayout(day2.quiz, 1234, { drawCount: 10 });
    const b = drawLayout(day2.quiz, 1234, { drawCount: 10 });
    const c = drawLayout(day2.quiz, 4321, { drawCount: 10 });
    expect(a).toEqual(b);
    expect(a.questions).toHaveLength(10);
    expect(c.questions.map((q) => q.id)).not.toEqual(a.questions.map((q) => q.id));

    const learner = await newLearner();
    const { attempt } = await startAttempt(learner, "day-02", t0);
    expect(attempt.questions).toHaveLength(10);
    const row = await prisma.quizAttempt.findUniqueOrThrow({ where: { id: attempt.id } });
    const again = drawLayout(day2.quiz, row.seed, day2.quiz.rules);
    expect(attempt.questions.map((q) => q.id)).toEqual(again.questions.map((q) => q.id));
    const view = await getAttemptView(learner, attempt.id);
    expect(view.questions).toEqual(attempt.questions);
  });

  it("refuses a retake inside the cooldown with 429 and Retry-After, then allows it with a new pool", async () => {
    const learner = await newLearner();
    const first = await startAttempt(learner, "day-02", t0);
    await submitAttempt(learner, first.attempt.id, { responses: {} }, at(MIN));
    const refused = await appError(startAttempt(learner, "day-02", at(5 * MIN)));
    expect(refused.status).toBe(429);
    expect(refused.retryAfterSec).toBe(6 * 60);
    expect(refused.message).toMatch(/10-minute cooldown/);
    const second = await startAttempt(learner, "day-02", at(11 * MIN));
    expect(second.created).toBe(true);
    expect(second.attempt.questions.map((q) => q.id)).not.toEqual(first.attempt.questions.map((q) => q.id));
  });

  it("enforces the attempt limit with 409", async () => {
    expect(day3.quiz.rules.maxAttempts).toBe(5);
    const learner = await newLearner();
    for (let i = 0; i < 5; i++) {
      const { attempt } = await startAttempt(learner, "day-03", at(i * MIN));
      await submitAttempt(learner, attempt.id, { responses: {} }, at(i * MIN + 1000));
    }
    const refused = await appError(startAttempt(learner, "day-03", at(10 * MIN)));
    expect(refused.status).toBe(409);
    expect(refused.message).toMatch(/all 5 attempts/);
  });

  it("progress keeps the best score across attempts", async () => {
    const learner = await newLearner();
    const a = await startAttempt(learner, "day-01", t0);
    await submitAttempt(learner, a.attempt.id, { responses: await perfectResponses(a.attempt.id) }, at(MIN));
    const b = await startAttempt(learner, "day-01", at(2 * MIN));
    await submitAttempt(learner, b.attempt.id, { responses: {} }, at(3 * MIN));
    const summary = await getProgressSummary(learner, at(4 * MIN));
    expect(summary.days.find((d) => d.day === 1)?.bestPercent).toBe(100);
    expect(summary.days.find((d) => d.day === 1)?.attempts).toBe(2);
  });
});

describe("journey and streaks", () => {
  it("counts a streak over consecutive dates in the learner's zone", async () => {
    const learner = await newLearner("Asia/Tokyo");
    // 23:30 UTC is already the next morning in Tokyo: these are three consecutive Tokyo dates.
    await markLessonComplete(learner, 1, new Date("2027-01-10T23:30:00Z"));
    await markLessonComplete(learner, 2, new Date("2027-01-11T23:30:00Z"));
    await openLesson(learner, 3, new Date("2027-01-12T23:30:00Z"));
    const now = new Date("2027-01-13T01:00:00Z");
    const journey = await getJourney(learner, now, await getProgressSummary(learner, now));
    expect(journey.today).toBe("2027-01-13");
    expect(journey.streak).toBe(3);
    expect(journey.calendar).toHaveLength(30);
  });
});

describe("spaced repetition", () => {
  it("turns missed questions into cards and schedules ratings exactly as FSRS says", async () => {
    const learner = await newLearner();
    const { attempt } = await startAttempt(learner, "day-01", t0);
    const quiz = getQuizById("day-01")?.quiz;
    if (!quiz) throw new Error();
    const [first, ...rest] = quiz.questions.filter((q) => !isSimulated(q));
    if (!first) throw new Error();
    // One question and the simulator questions right, the rest unanswered (missed): every card is a fixed question.
    const perfect = await perfectResponses(attempt.id);
    const simulated = quiz.questions.filter(isSimulated).map((q) => [q.id, perfect[q.id]]);
    await submitAttempt(learner, attempt.id, { responses: { [first.id]: perfectResponse(first), ...Object.fromEntries(simulated) } }, t0);
    const queue = await getReviewQueue(learner, t0);
    expect(queue.dueCount).toBe(rest.length);
    const card = queue.card;
    if (!card) throw new Error("no card");
    expect(JSON.stringify(card.question)).not.toMatch(/"(answer|answers|match|explanation)":/);

    const question = quiz.questions.find((q) => q.id === card.question.id);
    if (!question) throw new Error();
    const check = await checkReviewAnswer(learner, card.id, perfectResponse(question), at(MIN));
    expect(check.correct).toBe(true);
    expect(check.review.explanation).toBe(question.explanation);

    const rated = await rateCard(learner, card.id, { rating: 3, response: perfectResponse(question) }, at(MIN));
    const expected = fsrs({ enable_fuzz: false }).next(createEmptyCard(t0), at(MIN), Rating.Good).card;
    expect(rated.due).toBe(expected.due.toISOString());
    expect(rated.reps).toBe(1);
    // Not due any more: a second rating now is refused.
    expect((await appError(rateCard(learner, card.id, { rating: 3, response: perfectResponse(question) }, at(MIN)))).status).toBe(409);
    // A week later it is due again; Easy pushes it further than Again would.
    const later = new Date(expected.due.getTime() + 7 * DAY);
    const preview = await checkReviewAnswer(learner, card.id, perfectResponse(question), later);
    expect(Date.parse(preview.nextDue.easy)).toBeGreaterThan(Date.parse(preview.nextDue.again));
  });
});

describe("export and deletion", () => {
  async function activeLearner() {
    const learner = await newLearner();
    const { attempt } = await startAttempt(learner, "day-01", t0);
    await submitAttempt(learner, attempt.id, { responses: {} }, at(MIN));
    await openLesson(learner, 2, at(2 * MIN));
    const queue = await getReviewQueue(learner, at(3 * MIN));
    const card = queue.card;
    if (card) {
      const q = getQuizById("day-01")?.quiz.questions.find((x) => x.id === card.question.id);
      // Any answer will do for an "Again" rating; a simulator card's numbers are drawn afresh, so give a number.
      const response = q && !isSimulated(q) ? perfectResponse(q) : ({ type: "numeric", value: 0 } as const);
      await rateCard(learner, card.id, { rating: 1, response }, at(3 * MIN));
    }
    return learner;
  }

  it("exports everything about the learner and nothing about anyone else", async () => {
    const me = await activeLearner();
    const other = await activeLearner();
    const data = await exportUserData(me);
    expect(data.profile?.email).toBe(me.email);
    expect(JSON.stringify(data.profile)).not.toContain("passwordHash");
    expect(data.progress.length).toBe(await prisma.lessonProgress.count({ where: { userId: me.id } }));
    expect(data.attempts.length).toBe(await prisma.quizAttempt.count({ where: { userId: me.id } }));
    expect(data.attempts.flatMap((a) => a.responses).length).toBe(
      await prisma.quizResponse.count({ where: { attempt: { userId: me.id } } }),
    );
    expect(data.activities.length).toBe(await prisma.activity.count({ where: { userId: me.id } }));
    expect(data.reviewCards.length).toBe(await prisma.reviewCard.count({ where: { userId: me.id } }));
    expect(data.reviewLogs.length).toBe(await prisma.reviewLog.count({ where: { userId: me.id } }));
    expect(data.reviewLogs.length).toBeGreaterThan(0);
    const json = JSON.stringify(data);
    expect(json).not.toContain(other.id);
    expect(json).not.toContain(other.email);
  });

  it("deleting the account removes every row of theirs and none of anyone else's", async () => {
    const me = await activeLearner();
    const other = await activeLearner();
    const countsFor = async (userId: string) => [
      await prisma.user.count({ where: { id: userId } }),
      await prisma.lessonProgress.count({ where: { userId } }),
      await prisma.quizAttempt.count({ where: { userId } }),
      await prisma.quizResponse.count({ where: { attempt: { userId } } }),
      await prisma.activity.count({ where: { userId } }),
      await prisma.reviewCard.count({ where: { userId } }),
      await prisma.reviewLog.count({ where: { userId } }),
    ];
    const otherBefore = await countsFor(other.id);
    const attemptIds = (await prisma.quizAttempt.findMany({ where: { userId: me.id }, select: { id: true } })).map((a) => a.id);
    await deleteUser(me);
    expect(await countsFor(me.id)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(await prisma.quizResponse.count({ where: { attemptId: { in: attemptIds } } })).toBe(0);
    expect(await countsFor(other.id)).toEqual(otherBefore);
  });
});
