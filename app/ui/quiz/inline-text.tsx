/** Renders quiz text with `inline code` spans (the only markup prompts may use). Server-compatible. */
export function InlineText({ text }: { text: string }) {
  const parts = text.split("`");
  // An unmatched backtick leaves an even number of parts: show the text as is.
  if (parts.length % 2 === 0) return <>{text}</>;
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <code
            key={i}
            className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.9em] text-slate-800 dark:bg-slate-800 dark:text-slate-100"
          >
            {part}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}
