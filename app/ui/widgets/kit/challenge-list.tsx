/** The widget's guided challenges with a badge each: "Met", "Not met" once the run has ended, "Not run" before. */
export function ChallengeList(props: {
  /** When the checks happen, e.g. "the week ends". */
  checkedWhen: string;
  ended: boolean;
  items: readonly { id: string; label: string; met: boolean }[];
}) {
  return (
    <section aria-label="Challenges" className="flex flex-col gap-1 text-sm">
      <h4 className="font-semibold">Challenges (checked when {props.checkedWhen})</h4>
      <ul className="flex flex-col gap-1">
        {props.items.map((c) => {
          const met = props.ended && c.met;
          return (
            <li key={c.id} className="flex items-start gap-2">
              <span
                className={
                  met
                    ? "shrink-0 rounded bg-emerald-100 px-1.5 text-xs font-semibold text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100"
                    : "shrink-0 rounded bg-slate-200 px-1.5 text-xs font-semibold text-slate-800 dark:bg-slate-700 dark:text-slate-100"
                }
              >
                {met ? "Met" : props.ended ? "Not met" : "Not run"}
              </span>
              <span>{c.label}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
