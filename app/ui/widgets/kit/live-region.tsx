/**
 * A polite live region summarising what just happened ("AZ us-east-1a failed: 2 of 6 web VMs lost; web still
 * serving"). Screen readers announce each new message; sighted users see the same text.
 */
export function LiveRegion(props: { message: string }) {
  return (
    <p
      role="status"
      aria-live="polite"
      aria-atomic="true"
      data-testid="widget-status"
      className="min-h-12 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-slate-800 dark:border-sky-800 dark:bg-sky-950 dark:text-slate-100"
    >
      {props.message}
    </p>
  );
}
