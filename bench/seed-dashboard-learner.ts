// Seeds one learner with 30 days of history for the dashboard benchmark: every day opened and completed, five
// submitted attempts per day with ten graded responses each, and a month of activity. Prints the credentials.
import bcrypt from "bcryptjs";
import { prisma } from "../lib/db/client";

async function main() {
  const email = `bench-dashboard-${Date.now()}@example.test`;
  const password = "bench-dashboard-password";
  const start = new Date(Date.now() - 30 * 86_400_000);
  const user = await prisma.user.create({
    data: { email, name: "Bench Dashboard", passwordHash: await bcrypt.hash(password, 10), courseStartedAt: start },
  });
  for (let day = 1; day <= 30; day++) {
    const slug = `day-${String(day).padStart(2, "0")}`;
    const at = new Date(start.getTime() + (day - 1) * 86_400_000);
    await prisma.lessonProgress.create({
      data: { userId: user.id, lessonSlug: slug, day, status: "COMPLETED", completedBy: "QUIZ", startedAt: at, completedAt: at, timeSpentSec: 900 },
    });
    await prisma.activity.create({ data: { userId: user.id, kind: "LESSON_COMPLETED", localDate: at.toISOString().slice(0, 10), at } });
    for (let a = 0; a < 5; a++) {
      const submittedAt = new Date(at.getTime() + a * 3_600_000);
      await prisma.quizAttempt.create({
        data: {
          userId: user.id,
          quizId: slug,
          lessonSlug: slug,
          quizVersion: "bench",
          seed: a,
          layout: JSON.stringify({ questions: [] }),
          startedAt: submittedAt,
          submittedAt,
          score: 5 + a,
          maxScore: 10,
          responses: {
            create: Array.from({ length: 10 }, (_, q) => ({
              questionId: `q-${q}`,
              response: JSON.stringify({ type: "true-false", value: q % 2 === 0 }),
              correct: q < 5 + a,
              points: q < 5 + a ? 1 : 0,
              maxPoints: 1,
            })),
          },
        },
      });
    }
  }
  console.log(JSON.stringify({ email, password }));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
