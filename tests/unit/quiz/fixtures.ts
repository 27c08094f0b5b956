import { instantiate } from "@/lib/quiz/instantiate";
import { quizSchema, type Question, type Quiz, type QuizInput } from "@/lib/quiz/schema";

/** One question of every type, with distinctive explanation strings so leak tests can search for them. */
export const sampleQuizInput: QuizInput = {
  id: "day-01",
  title: "Cloud basics",
  questions: [
    {
      id: "q-single",
      type: "single",
      prompt: "Which model gives you the most control over the OS?",
      points: 1,
      explanation: "EXPL-Q-SINGLE IaaS hands you the virtual machine.",
      concepts: ["cloud-computing"],
      options: [
        { id: "iaas", text: "IaaS", explanation: "EXPL-OPT-IAAS you manage the OS." },
        { id: "paas", text: "PaaS", explanation: "EXPL-OPT-PAAS the provider manages the OS." },
        { id: "saas", text: "SaaS", explanation: "EXPL-OPT-SAAS you only use the app." },
      ],
      answer: "iaas",
    },
    {
      id: "q-multiple",
      type: "multiple",
      prompt: "Which are benefits of elasticity?",
      points: 2,
      explanation: "EXPL-Q-MULTIPLE elasticity tracks demand.",
      concepts: ["elasticity"],
      options: [
        { id: "scale-out", text: "Scale out at peaks", explanation: "EXPL-OPT-SCALE-OUT yes." },
        { id: "scale-in", text: "Scale in when idle", explanation: "EXPL-OPT-SCALE-IN yes." },
        { id: "pay-use", text: "Pay for what you use", explanation: "EXPL-OPT-PAY yes." },
        { id: "no-limits", text: "No service limits", explanation: "EXPL-OPT-NO-LIMITS limits exist." },
        { id: "free", text: "Free compute", explanation: "EXPL-OPT-FREE nothing is free." },
      ],
      answers: ["scale-out", "scale-in", "pay-use"],
    },
    {
      id: "q-tf",
      type: "true-false",
      prompt: "A region contains several availability zones.",
      explanation: "EXPL-Q-TF regions are made of AZs.",
      concepts: ["regions"],
      answer: true,
      explanations: { true: "EXPL-TF-TRUE right.", false: "EXPL-TF-FALSE wrong." },
    },
    {
      id: "q-numeric",
      type: "numeric",
      prompt: "How many ms of latency does the `cache` save?",
      points: 1.5,
      explanation: "EXPL-Q-NUMERIC 120 − 20 = 100.",
      concepts: ["caching"],
      answer: 100,
      tolerance: { kind: "absolute", value: 5 },
      unit: "ms",
    },
    {
      id: "q-ordering",
      type: "ordering",
      prompt: "Put the steps in order.",
      points: 3,
      explanation: "EXPL-Q-ORDERING network first, then the VM.",
      concepts: ["compute"],
      items: [
        { id: "vpc", text: "Create the VPC" },
        { id: "subnet", text: "Create the subnet" },
        { id: "vm", text: "Create the VM" },
        { id: "dns", text: "Point DNS at it" },
      ],
    },
    {
      id: "q-matching",
      type: "matching",
      prompt: "Match each service to its category.",
      points: 2,
      explanation: "EXPL-Q-MATCHING categories.",
      concepts: ["storage"],
      pairs: [
        { id: "s3", text: "Object store", match: "storage" },
        { id: "ec2", text: "Virtual machine", match: "compute" },
        { id: "rds", text: "Managed SQL", match: "database" },
      ],
      choices: [
        { id: "storage", text: "Storage" },
        { id: "compute", text: "Compute" },
        { id: "database", text: "Database" },
        { id: "network", text: "Networking" },
      ],
    },
  ],
};

export const sampleQuiz: Quiz = quizSchema.parse(sampleQuizInput);

export function question<T extends Question["type"]>(quiz: Quiz, type: T): Extract<Question, { type: T }> {
  const q = quiz.questions.find((x) => x.type === type);
  if (!q) throw new Error(`no ${type} question`);
  return q as Extract<Question, { type: T }>;
}

/** All explanation strings of a quiz (question, option and true/false ones). */
export function explanationsOf(quiz: Quiz): string[] {
  return quiz.questions.flatMap((q) => {
    const own = [q.explanation];
    if (q.type === "single" || q.type === "multiple") own.push(...q.options.map((o) => o.explanation));
    if (q.type === "true-false") own.push(q.explanations.true, q.explanations.false);
    return own;
  });
}

export { perfectResponse } from "../../support/quiz-answers";

/** The sample quiz's questions as attempts grade them (plain questions instantiate to themselves). */
export const sampleQuestions: Question[] = sampleQuiz.questions.map((q) => instantiate(q, 0));
