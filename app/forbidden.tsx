import type { Metadata } from "next";
import { StatusPage } from "./ui/status-page";

export const metadata: Metadata = { title: "Not allowed" };

/** The 403 page: a signed-in account without the role a page needs (a learner opening an instructor's page). */
export default function Forbidden() {
  return (
    <StatusPage
      testId="forbidden"
      status="403 · Not allowed"
      statusClassName="text-amber-700 dark:text-amber-400"
      heading="This page is for instructors"
      primary={{ href: "/classes", label: "Go to your classes" }}
      secondary={{ href: "/dashboard", label: "Go to your dashboard" }}
    >
      Your account is a learner&apos;s. If your instructor gave you a class code, join the class from your classes page.
    </StatusPage>
  );
}
