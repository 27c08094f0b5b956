import { Arrow, Diagram, LINE_SOFT, MUTED, TEXT } from "./diagram-parts";

/*
 * Diagrams for the resilience days (fault tolerance, disaster recovery): accessible inline SVG (role="img", <title> +
 * <desc> referenced by aria-labelledby), coloured with Tailwind fill/stroke classes for light and dark themes.
 * Server-compatible: no hooks. Each takes an optional `id` so two copies on a page keep unique ids.
 */

/* ------------------------------------------------------------------------------------------------------------- */

/** A timeline: last recovery point ← RPO → disaster ← RTO → service restored. */
export function RtoRpoDiagram({ id = "rto-rpo-diagram" }: { id?: string }) {
  const y = 120;
  return (
    <Diagram
      id={id}
      title="RPO looks back from the disaster, RTO looks forward"
      desc="A horizontal time axis. On the left, the last recovery point: the newest backup or replicated copy. In the middle, the disaster. On the right, the moment service is restored. The span from the last recovery point to the disaster is the data you lose; the recovery point objective, RPO, caps it. The span from the disaster to restoration is the downtime; the recovery time objective, RTO, caps it."
      width={640}
      height={200}
    >
      <defs>
        <Arrow id={`${id}-arrow`} />
      </defs>
      <line x1={20} y1={y} x2={620} y2={y} strokeWidth={2} className={LINE_SOFT} markerEnd={`url(#${id}-arrow)`} />
      <text x={612} y={y + 24} textAnchor="end" fontSize={12} className={MUTED}>
        time
      </text>
      {/* Lost-data span and downtime span */}
      <rect x={140} y={y - 34} width={180} height={22} rx={4} className="fill-amber-200 dark:fill-amber-800" />
      <text x={230} y={y - 19} textAnchor="middle" fontSize={12} className={TEXT}>
        writes lost (≤ RPO)
      </text>
      <rect x={320} y={y - 34} width={200} height={22} rx={4} className="fill-rose-200 dark:fill-rose-800" />
      <text x={420} y={y - 19} textAnchor="middle" fontSize={12} className={TEXT}>
        service down (≤ RTO)
      </text>
      {[
        { x: 140, label: "last recovery point", sub: "newest backup or replica", cls: "fill-sky-600 dark:fill-sky-400" },
        { x: 320, label: "disaster", sub: "Region lost", cls: "fill-rose-600 dark:fill-rose-400" },
        { x: 520, label: "service restored", sub: "in the recovery Region", cls: "fill-emerald-600 dark:fill-emerald-400" },
      ].map((p) => (
        <g key={p.label}>
          <circle cx={p.x} cy={y} r={7} className={p.cls} />
          <text x={p.x} y={y + 28} textAnchor="middle" fontSize={13} fontWeight={600} className={TEXT}>
            {p.label}
          </text>
          <text x={p.x} y={y + 45} textAnchor="middle" fontSize={11} className={MUTED}>
            {p.sub}
          </text>
        </g>
      ))}
      <text x={230} y={y - 50} textAnchor="middle" fontSize={14} fontWeight={700} className={TEXT}>
        RPO: how much data
      </text>
      <text x={420} y={y - 50} textAnchor="middle" fontSize={14} fontWeight={700} className={TEXT}>
        RTO: how long
      </text>
    </Diagram>
  );
}

/* ------------------------------------------------------------------------------------------------------------- */

const STRATEGIES = [
  { name: "Backup & restore", rto: "hours", rpo: "hours (backup age)", runs: "backups only", cost: 1 },
  { name: "Pilot light", rto: "tens of minutes", rpo: "seconds–minutes", runs: "data live, app off", cost: 2 },
  { name: "Warm standby", rto: "minutes", rpo: "seconds–minutes", runs: "scaled-down full copy", cost: 3 },
  { name: "Multi-site active/active", rto: "near zero", rpo: "near zero to seconds", runs: "full copy, serving", cost: 4 },
] as const;

/** The four DR strategies of the AWS whitepaper on one axis: more running in the recovery Region, lower RTO/RPO, more cost. */
export function DrStrategiesDiagram({ id = "dr-strategies-diagram" }: { id?: string }) {
  const colW = 150;
  return (
    <Diagram
      id={id}
      title="The four disaster-recovery strategies"
      desc="Four columns from left to right: backup and restore, pilot light, warm standby, and multi-site active/active. Moving right, more of the workload already runs in the recovery Region, so the recovery time and recovery point get shorter and the steady cost gets higher. Backup and restore keeps only backups, recovers in hours and loses data back to the newest backup. Pilot light keeps the data live but the application off and recovers in tens of minutes. Warm standby runs a scaled-down full copy and recovers in minutes. Active/active serves from both Regions and recovers in near zero time."
      width={640}
      height={270}
    >
      <defs>
        <Arrow id={`${id}-arrow`} />
      </defs>
      {STRATEGIES.map((s, i) => {
        const x = 10 + i * (colW + 7);
        return (
          <g key={s.name}>
            <rect x={x} y={10} width={colW} height={190} rx={8} className="fill-white stroke-slate-300 dark:fill-slate-900 dark:stroke-slate-600" strokeWidth={1.5} />
            <text x={x + colW / 2} y={34} textAnchor="middle" fontSize={13} fontWeight={700} className={TEXT}>
              {s.name.length > 18 ? "Active/active" : s.name}
            </text>
            <text x={x + 10} y={60} fontSize={11} className={MUTED}>
              In recovery Region
            </text>
            <text x={x + 10} y={76} fontSize={11} className={TEXT}>
              {s.runs}
            </text>
            <text x={x + 10} y={102} fontSize={11} className={MUTED}>
              RTO
            </text>
            <text x={x + 10} y={118} fontSize={11} className={TEXT}>
              {s.rto}
            </text>
            <text x={x + 10} y={144} fontSize={11} className={MUTED}>
              RPO
            </text>
            <text x={x + 10} y={160} fontSize={11} className={TEXT}>
              {s.rpo}
            </text>
            {/* Cost bar */}
            <rect x={x + 10} y={176} width={colW - 20} height={12} rx={3} className="fill-slate-200 dark:fill-slate-700" />
            <rect x={x + 10} y={176} width={((colW - 20) * s.cost) / 4} height={12} rx={3} className="fill-indigo-500 dark:fill-indigo-400" />
          </g>
        );
      })}
      <line x1={20} y1={228} x2={620} y2={228} strokeWidth={2} className={LINE_SOFT} markerEnd={`url(#${id}-arrow)`} />
      <text x={20} y={252} fontSize={12} className={MUTED}>
        cheaper, slower, more data lost
      </text>
      <text x={620} y={252} textAnchor="end" fontSize={12} className={MUTED}>
        costlier, faster, less data lost
      </text>
    </Diagram>
  );
}

/* ------------------------------------------------------------------------------------------------------------- */

/** The circuit breaker's three states and the transitions between them. */
export function CircuitBreakerDiagram({ id = "circuit-breaker-diagram" }: { id?: string }) {
  const states = [
    { x: 100, label: "Closed", sub: "calls pass through", cls: "fill-emerald-100 stroke-emerald-600 dark:fill-emerald-950 dark:stroke-emerald-400" },
    { x: 320, label: "Open", sub: "fail fast, no calls", cls: "fill-rose-100 stroke-rose-600 dark:fill-rose-950 dark:stroke-rose-400" },
    { x: 540, label: "Half-open", sub: "let a few calls try", cls: "fill-amber-100 stroke-amber-600 dark:fill-amber-950 dark:stroke-amber-400" },
  ];
  return (
    <Diagram
      id={id}
      title="A circuit breaker's three states"
      desc="Three states in a row. Closed: calls pass through and failures are counted. When failures cross a threshold, the breaker moves to Open: calls fail immediately without reaching the struggling dependency. After a cool-down it moves to Half-open and lets a few trial calls through. If they succeed it returns to Closed; if they fail it goes back to Open."
      width={640}
      height={220}
    >
      <defs>
        <Arrow id={`${id}-arrow`} className="fill-slate-600 dark:fill-slate-300" />
      </defs>
      {states.map((s) => (
        <g key={s.label}>
          <rect x={s.x - 80} y={80} width={160} height={60} rx={30} strokeWidth={2} className={s.cls} />
          <text x={s.x} y={106} textAnchor="middle" fontSize={15} fontWeight={700} className={TEXT}>
            {s.label}
          </text>
          <text x={s.x} y={125} textAnchor="middle" fontSize={11} className={MUTED}>
            {s.sub}
          </text>
        </g>
      ))}
      <g strokeWidth={1.8} fill="none" className="stroke-slate-600 dark:stroke-slate-300">
        <path d="M 150 80 Q 210 30 270 80" markerEnd={`url(#${id}-arrow)`} />
        <path d="M 370 80 Q 430 30 490 80" markerEnd={`url(#${id}-arrow)`} />
        <path d="M 490 140 Q 430 190 370 140" markerEnd={`url(#${id}-arrow)`} />
        <path d="M 540 140 Q 540 215 320 212 Q 100 215 100 140" markerEnd={`url(#${id}-arrow)`} />
      </g>
      <text x={210} y={40} textAnchor="middle" fontSize={11} className={TEXT}>
        failures ≥ threshold
      </text>
      <text x={430} y={40} textAnchor="middle" fontSize={11} className={TEXT}>
        cool-down elapsed
      </text>
      <text x={430} y={182} textAnchor="middle" fontSize={11} className={TEXT}>
        trial call fails
      </text>
      <text x={320} y={203} textAnchor="middle" fontSize={11} className={TEXT}>
        trial calls succeed
      </text>
    </Diagram>
  );
}
