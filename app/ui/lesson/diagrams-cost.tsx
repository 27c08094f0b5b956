import { Arrow, BOX, Diagram, LINE, MUTED, SERVER, TEXT } from "./diagram-parts";

/*
 * Diagrams for the cost lessons (Days 23 and 24). Accessible inline SVG: role="img" with <title> and <desc>
 * referenced by aria-labelledby; colours from Tailwind fill/stroke classes so they follow the light/dark theme.
 * Server-compatible: no hooks. Each takes an optional `id` so two copies keep unique ids.
 */

const COMMIT = "fill-amber-200/80 stroke-amber-600 dark:fill-amber-900/60 dark:stroke-amber-400";
const ONDEMAND = "fill-sky-200/80 stroke-sky-600 dark:fill-sky-900/60 dark:stroke-sky-400";
const SPOT = "fill-emerald-200/80 stroke-emerald-600 dark:fill-emerald-900/60 dark:stroke-emerald-400";

/* ------------------------------------------------------------------------------------------------------------- */

/** A day of demand split into layers: a commitment under the steady base, On-Demand and Spot on top. */
export function PurchaseLayersDiagram({ id = "purchase-layers-diagram" }: { id?: string }) {
  // A smooth day: low at night, a peak mid-afternoon. x from 60 to 600, y from 40 (high) to 200 (zero).
  const xs = Array.from({ length: 25 }, (_, h) => 60 + (h * 540) / 24);
  const level = (h: number) => 0.55 - 0.4 * Math.cos((2 * Math.PI * (h - 3)) / 24);
  const y = (v: number) => 200 - v * 170;
  const curve = xs.map((x, h) => `${x.toFixed(1)},${y(level(h)).toFixed(1)}`).join(" ");
  const base = 0.2;
  const split = (h: number) => base + (level(h) - base) * 0.5;
  const spotTop = xs.map((x, h) => `${x.toFixed(1)},${y(split(h)).toFixed(1)}`).join(" ");
  const spotArea = `60,${y(base)} ${spotTop} 600,${y(base)}`;
  const odArea = `${curve} ${xs
    .slice()
    .reverse()
    .map((x, i) => `${x.toFixed(1)},${y(split(24 - i)).toFixed(1)}`)
    .join(" ")}`;
  return (
    <Diagram
      id={id}
      title="Buying a day of compute in layers"
      desc={
        "A curve of instances needed over a day: low at night, highest in the afternoon. The layer below the " +
        "lowest point of the curve, the steady base, is covered by a Savings Plan or Reserved Instance commitment " +
        "paid every hour. Above it, part of the variable capacity runs on Spot, cheapest but interruptible, and the " +
        "rest on On-Demand, paid per second only while it runs. A commitment drawn above the base would be paid for " +
        "at night without being used."
      }
      width={640}
      height={250}
    >
      <defs>
        <Arrow id={`${id}-arrow`} />
      </defs>
      <rect x={60} y={y(base)} width={540} height={200 - y(base)} strokeWidth={1.5} className={COMMIT} />
      <polygon points={spotArea} strokeWidth={1.5} className={SPOT} />
      <polygon points={odArea} strokeWidth={1.5} className={ONDEMAND} />
      <polyline points={curve} fill="none" strokeWidth={2.5} className="stroke-slate-800 dark:stroke-slate-100" />
      <line x1={60} y1={200} x2={612} y2={200} strokeWidth={1.5} className={LINE} markerEnd={`url(#${id}-arrow)`} />
      <line x1={60} y1={200} x2={60} y2={28} strokeWidth={1.5} className={LINE} markerEnd={`url(#${id}-arrow)`} />
      <text x={66} y={26} fontSize={11} className={MUTED}>
        instances needed
      </text>
      <text x={600} y={220} textAnchor="end" fontSize={11} className={MUTED}>
        00:00 → 24:00
      </text>
      <text x={330} y={190} textAnchor="middle" fontSize={12} fontWeight={600} className={TEXT}>
        Commitment (Savings Plan / Reserved): the steady base, paid every hour
      </text>
      <text x={330} y={148} textAnchor="middle" fontSize={12} fontWeight={600} className={TEXT}>
        Spot: flexible, interruptible work
      </text>
      <text x={330} y={84} textAnchor="middle" fontSize={12} fontWeight={600} className={TEXT}>
        On-Demand: the rest, per second
      </text>
      <text x={330} y={242} textAnchor="middle" fontSize={11} className={MUTED}>
        Commit below the lowest point of the curve; let the peaks be elastic.
      </text>
    </Diagram>
  );
}

/* ------------------------------------------------------------------------------------------------------------- */

/** Where data transfer is free and where it is charged (us-east-1 list prices, as the lesson dates them). */
export function DataTransferDiagram({ id = "data-transfer-diagram" }: { id?: string }) {
  return (
    <Diagram
      id={id}
      title="Which bytes you pay to move"
      desc={
        "The internet on the left, a Region with two Availability Zones on the right. Data coming in from the " +
        "internet is free. Data going out to the internet is charged per GB, after a small monthly free allowance. " +
        "Traffic between two instances in the same AZ over private IP addresses is free; traffic between AZs is " +
        "charged per GB on both sides, out of one AZ and into the other. Traffic out to another Region is charged too."
      }
      width={640}
      height={250}
    >
      <defs>
        <Arrow id={`${id}-arrow`} />
      </defs>
      <rect x={10} y={70} width={110} height={100} rx={50} strokeWidth={1.5} className={BOX} />
      <text x={65} y={124} textAnchor="middle" fontSize={13} fontWeight={600} className={TEXT}>
        Internet
      </text>
      <rect x={200} y={20} width={430} height={210} rx={12} strokeWidth={1.5} strokeDasharray="6 4" className={BOX} />
      <text x={215} y={40} fontSize={12} fontWeight={600} className={TEXT}>
        Region
      </text>
      {[
        { x: 220, label: "AZ a" },
        { x: 440, label: "AZ b" },
      ].map((az) => (
        <g key={az.label}>
          <rect x={az.x} y={52} width={170} height={160} rx={10} strokeWidth={1.5} className={BOX} />
          <text x={az.x + 10} y={70} fontSize={11} className={MUTED}>
            {az.label}
          </text>
        </g>
      ))}
      <rect x={240} y={90} width={60} height={36} rx={6} strokeWidth={1.5} className={SERVER} />
      <text x={270} y={113} textAnchor="middle" fontSize={11} className={TEXT}>
        app
      </text>
      <rect x={320} y={150} width={60} height={36} rx={6} strokeWidth={1.5} className={SERVER} />
      <text x={350} y={173} textAnchor="middle" fontSize={11} className={TEXT}>
        cache
      </text>
      <rect x={500} y={90} width={60} height={36} rx={6} strokeWidth={1.5} className={SERVER} />
      <text x={530} y={113} textAnchor="middle" fontSize={11} className={TEXT}>
        db
      </text>
      {/* internet in / out */}
      <line x1={120} y1={100} x2={236} y2={100} strokeWidth={2} className={LINE} markerEnd={`url(#${id}-arrow)`} />
      <text x={175} y={92} textAnchor="middle" fontSize={11} fontWeight={600} className="fill-emerald-700 dark:fill-emerald-300">
        in: free
      </text>
      <line x1={236} y1={120} x2={124} y2={140} strokeWidth={2} className={LINE} markerEnd={`url(#${id}-arrow)`} />
      <text x={175} y={160} textAnchor="middle" fontSize={11} fontWeight={600} className="fill-rose-700 dark:fill-rose-300">
        out: per GB
      </text>
      {/* same AZ */}
      <line x1={285} y1={128} x2={335} y2={148} strokeWidth={2} className={LINE} markerEnd={`url(#${id}-arrow)`} />
      <text x={262} y={200} fontSize={11} fontWeight={600} className="fill-emerald-700 dark:fill-emerald-300">
        same AZ, private IP: free
      </text>
      {/* cross AZ */}
      <line x1={302} y1={108} x2={496} y2={108} strokeWidth={2} className={LINE} markerEnd={`url(#${id}-arrow)`} />
      <text x={400} y={100} textAnchor="middle" fontSize={11} fontWeight={600} className="fill-rose-700 dark:fill-rose-300">
        between AZs: per GB, each side
      </text>
    </Diagram>
  );
}
