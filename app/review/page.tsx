import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/guards";
import { getJourneySettings } from "@/lib/db/users";
import { getReviewQueue } from "@/lib/services/review";
import { requestNow } from "@/lib/time/clock";
import { ReviewSession } from "../ui/review/review-session";

export const metadata: Metadata = { title: "Review" };

export default async function ReviewPage() {
  const user = await requireUser("/review");
  const [queue, { timeZone }] = await Promise.all([getReviewQueue(user, await requestNow()), getJourneySettings(user)]);
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900 dark:text-white">Review</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">
        Questions you missed come back just before you would forget them. Answer, read why, then say how well you knew
        it: the better you knew it, the longer until you see it again.
      </p>
      <div className="mt-8">
        <ReviewSession initial={queue} timeZone={timeZone} />
      </div>
    </div>
  );
}
