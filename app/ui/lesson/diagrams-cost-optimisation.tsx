import { Arrow, Diagram, LINE, MUTED, TEXT } from "./diagram-parts";

/*
 * Diagrams for Day 24 (cost optimisation). Accessible inline SVG: role="img" with <title> and <desc> referenced by
 * aria-labelledby; colours from Tailwind fill/stroke classes so they follow the light/dark theme. Server-compatible:
 * no hooks. Each takes an optional `id` so two copies keep unique ids.
 */

const SEE = "fill-sky-100 stroke-sky-600 dark:fill-sky-950/60 dark:stroke-sky-400";
const EXPECT = "fill-amber-100 stroke-amber-600 dark:fill-amber-950/60 dark:stroke-amber-400";
const ACT = "fill-emerald-100 stroke-emerald-600 dark:fill-emerald-950/60 dark:stroke-emerald-400";
const MEASURE_FILL = "fill-violet-100 stroke-violet-600 dark:fill-violet-950/60 dark:stroke-violet-400";

/** The loop that keeps a bill small: see the spend, set expectations, act, measure efficiency, repeat. */
export function CostLoopDiagram({ id = "cost-loop-diagram" }: { id?: string }) {
  const boxes = [
    { x: 20, y: 20, cls: SEE, title: "1. See it", lines: ["Tags and accounts per team", "Cost Explorer, CUR"] },
    { x: 340, y: 20, cls: EXPECT, title: "2. Expect it", lines: ["Budgets (actual, forecast)", "Cost Anomaly Detection"] },
    { x: 340, y: 170, cls: ACT, title: "3. Act on it", lines: ["Delete, right-size, scale,", "schedule, tier, then commit"] },
    { x: 20, y: 170, cls: MEASURE_FILL, title: "4. Measure it", lines: ["Unit cost: $ per request,", "per customer, per order"] },
  ];
  return (
    <Diagram
      id={id}
      title="The cost optimisation loop"
      desc={
        "Four boxes in a cycle. 1, see it: tag resources and separate accounts so every dollar has an owner, and read " +
        "spend in Cost Explorer and the Cost and Usage Report. 2, expect it: set budgets that alert on actual and " +
        "forecast spend, and let Cost Anomaly Detection flag unusual spend. 3, act on it: delete what is unused, " +
        "right-size, scale with demand, schedule non-production, move cold data to cheaper storage, and commit to the " +
        "steady base last. 4, measure it: track unit cost such as dollars per thousand requests, then go round again."
      }
      width={640}
      height={270}
    >
      <defs>
        <Arrow id={`${id}-arrow`} />
      </defs>
      {boxes.map((b) => (
        <g key={b.title}>
          <rect x={b.x} y={b.y} width={280} height={80} rx={10} strokeWidth={1.5} className={b.cls} />
          <text x={b.x + 140} y={b.y + 26} textAnchor="middle" fontSize={15} fontWeight={700} className={TEXT}>
            {b.title}
          </text>
          {b.lines.map((l, i) => (
            <text key={l} x={b.x + 140} y={b.y + 48 + i * 18} textAnchor="middle" fontSize={12} className={MUTED}>
              {l}
            </text>
          ))}
        </g>
      ))}
      <line x1={302} y1={60} x2={336} y2={60} strokeWidth={2} className={LINE} markerEnd={`url(#${id}-arrow)`} />
      <line x1={480} y1={102} x2={480} y2={166} strokeWidth={2} className={LINE} markerEnd={`url(#${id}-arrow)`} />
      <line x1={338} y1={210} x2={304} y2={210} strokeWidth={2} className={LINE} markerEnd={`url(#${id}-arrow)`} />
      <line x1={160} y1={168} x2={160} y2={104} strokeWidth={2} className={LINE} markerEnd={`url(#${id}-arrow)`} />
      <text x={320} y={140} textAnchor="middle" fontSize={12} className={MUTED}>
        repeat: usage and prices change
      </text>
      <text x={320} y={266} textAnchor="middle" fontSize={11} className={MUTED}>
        Every change must still meet the performance and reliability objectives.
      </text>
    </Diagram>
  );
}

/** A lifecycle rule moves objects down a ladder of S3 storage classes as they age (prices dated by the lesson). */
export function StorageTiersDiagram({ id = "storage-tiers-diagram" }: { id?: string }) {
  const tiers = [
    { name: "S3 Standard", price: "$0.023", access: ["milliseconds", "no retrieval fee"], h: 150 },
    { name: "S3 Standard-IA", price: "$0.0125", access: ["milliseconds", "$0.01 per GB read"], h: 82 },
    { name: "Glacier Instant Retrieval", price: "$0.004", access: ["milliseconds", "$0.03 per GB read"], h: 26 },
    { name: "Glacier Flexible Retrieval", price: "$0.0036", access: ["restore first:", "minutes to hours"], h: 24 },
    { name: "Glacier Deep Archive", price: "$0.00099", access: ["restore first:", "12 to 48 hours"], h: 7 },
  ];
  const baseY = 240;
  return (
    <Diagram
      id={id}
      title="Storage classes from hot to cold"
      desc={
        "Five Amazon S3 storage classes as bars whose height is the price per GB-month in us-east-1 (list prices, " +
        "2026-11): S3 Standard $0.023 with millisecond access and no retrieval fee; S3 Standard-IA $0.0125, " +
        "milliseconds, $0.01 per GB retrieved; S3 Glacier Instant Retrieval $0.004, milliseconds, $0.03 per GB " +
        "retrieved; S3 Glacier Flexible Retrieval $0.0036, objects must be restored first, taking minutes to hours; " +
        "S3 Glacier Deep Archive $0.00099, restored within 12 to 48 hours. An arrow labelled lifecycle rule runs " +
        "from left to right: as data ages and is read less, a rule moves it to cheaper storage that costs more to read."
      }
      width={640}
      height={340}
    >
      <defs>
        <Arrow id={`${id}-arrow`} />
      </defs>
      {tiers.map((t, i) => {
        const x = 14 + i * 126;
        return (
          <g key={t.name}>
            <rect x={x} y={baseY - t.h} width={110} height={t.h} rx={4} strokeWidth={1.5} className={i < 3 ? SEE : EXPECT} />
            <text x={x + 55} y={baseY - t.h - 8} textAnchor="middle" fontSize={13} fontWeight={700} className={TEXT}>
              {t.price}
            </text>
            <text x={x + 55} y={baseY + 18} textAnchor="middle" fontSize={11} fontWeight={600} className={TEXT}>
              {t.name.length > 18 ? t.name.split(" ").slice(0, 2).join(" ") : t.name}
            </text>
            {t.name.length > 18 ? (
              <text x={x + 55} y={baseY + 32} textAnchor="middle" fontSize={11} fontWeight={600} className={TEXT}>
                {t.name.split(" ").slice(2).join(" ")}
              </text>
            ) : null}
            {t.access.map((line, j) => (
              <text key={line} x={x + 55} y={baseY + 50 + j * 14} textAnchor="middle" fontSize={11} className={MUTED}>
                {line}
              </text>
            ))}
          </g>
        );
      })}
      <line x1={14} y1={baseY} x2={626} y2={baseY} strokeWidth={1.5} className={LINE} />
      <text x={320} y={20} textAnchor="middle" fontSize={12} className={MUTED}>
        lifecycle rule: older, colder data moves right — cheaper to keep, dearer and slower to read
      </text>
      <line x1={120} y1={36} x2={520} y2={36} strokeWidth={1.5} className={LINE} markerEnd={`url(#${id}-arrow)`} />
      <text x={320} y={334} textAnchor="middle" fontSize={11} className={MUTED}>
        Price per GB-month, us-east-1 list prices (2026-11). Bar heights to scale.
      </text>
    </Diagram>
  );
}
