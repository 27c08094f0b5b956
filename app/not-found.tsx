import type { Metadata } from "next";
import { StatusPage } from "./ui/status-page";

export const metadata: Metadata = { title: "Page not found" };

/** Every 404 of the site (unknown paths, days without a lesson, ids of an impossible shape), in the site's own look. */
export default function NotFound() {
  return (
    <StatusPage
      testId="not-found"
      status="404 · Not found"
      statusClassName="text-sky-700 dark:text-sky-400"
      heading="There is no page at this address"
      primary={{ href: "/course", label: "See the course plan" }}
      secondary={{ href: "/dashboard", label: "Go to your dashboard" }}
    >
      The link may be mistyped or out of date. The course plan lists every day that has a lesson.
    </StatusPage>
  );
}
