import { StatusPage } from "../../ui/status-page";

/**
 * An attempt id that names nothing the viewer may see. Someone else's attempt gets this page too (with a 404, like an
 * unknown id), so the page neither confirms that an id exists nor answers 200 for a refusal.
 */
export default function AttemptNotFound() {
  return (
    <StatusPage
      testId="attempt-not-found"
      status="404 · Not found"
      statusClassName="text-sky-700 dark:text-sky-400"
      heading="This attempt isn't available to you"
      primary={{ href: "/dashboard", label: "Go to your dashboard" }}
    >
      There is no attempt at this address, or it belongs to another learner. Your own attempts are listed on your
      dashboard.
    </StatusPage>
  );
}
