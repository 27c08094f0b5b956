import { Arrow, Diagram, LINE, MUTED, TEXT } from "./diagram-parts";

/*
 * Diagrams for the elasticity (Day 10) and high-availability (Day 16) lessons. Accessible inline SVG: role="img"
 * with <title> and <desc> referenced by aria-labelledby; colours from Tailwind fill/stroke classes so they follow
 * the light/dark theme. Server-compatible: no hooks. Each takes an optional `id` so two copies keep unique ids.
 */

/* ------------------------------------------------------------------------------------------------------------- */

export interface ScalingTimelineDiagramProps {
  id?: string;
}

/** What happens between a load increase and new capacity counting: alarm, launch, InService, warm-up. */
export function ScalingTimelineDiagram({ id = "scaling-timeline-diagram" }: ScalingTimelineDiagramProps) {
  const phases = [
    { x: 20, w: 130, label: "Metric breaches", sub: "alarm needs N datapoints", cls: "fill-rose-100 stroke-rose-500 dark:fill-rose-950/50 dark:stroke-rose-400" },
    { x: 150, w: 150, label: "Pending", sub: "boot + app start (launch time)", cls: "fill-amber-100 stroke-amber-500 dark:fill-amber-950/50 dark:stroke-amber-400" },
    { x: 300, w: 150, label: "InService, warming up", sub: "takes traffic, not yet in the metric", cls: "fill-sky-100 stroke-sky-500 dark:fill-sky-950/50 dark:stroke-sky-400" },
    { x: 450, w: 170, label: "InService, counted", sub: "its CPU joins the average", cls: "fill-emerald-100 stroke-emerald-500 dark:fill-emerald-950/50 dark:stroke-emerald-400" },
  ];
  return (
    <Diagram
      id={id}
      title="From a load increase to new capacity that counts"
      desc={
        "A timeline in four phases. First the metric breaches the target and the alarm waits for enough datapoints " +
        "(a few minutes). Then the Auto Scaling group raises the desired capacity and launches instances, which are " +
        "Pending while they boot and start the application. Next they are InService: the load balancer sends them " +
        "traffic, but during the warm-up their metrics are not yet part of the group's average. Finally they count " +
        "in the metric. Until the first two phases are over, the existing instances carry the whole spike."
      }
      width={640}
      height={190}
    >
      <defs>
        <Arrow id={`${id}-arrow`} />
      </defs>
      <text x={20} y={22} fontSize={13} fontWeight={600} className={TEXT}>
        Demand jumps at t = 0
      </text>
      {phases.map((p) => (
        <g key={p.label}>
          <rect x={p.x} y={40} width={p.w - 6} height={64} rx={8} strokeWidth={2} className={p.cls} />
          <text x={p.x + (p.w - 6) / 2} y={66} textAnchor="middle" fontSize={12} fontWeight={600} className={TEXT}>
            {p.label}
          </text>
          <text x={p.x + (p.w - 6) / 2} y={86} textAnchor="middle" fontSize={10} className={MUTED}>
            {p.sub}
          </text>
        </g>
      ))}
      <line x1={20} y1={126} x2={616} y2={126} strokeWidth={2} className={LINE} markerEnd={`url(#${id}-arrow)`} />
      <text x={600} y={146} textAnchor="end" fontSize={11} className={MUTED}>
        time
      </text>
      <rect x={20} y={154} width={424} height={26} rx={6} className="fill-rose-50 dark:fill-rose-950/40" />
      <text x={232} y={172} textAnchor="middle" fontSize={11} fontWeight={600} className="fill-rose-800 dark:fill-rose-200">
        the old instances absorb the spike alone until the new ones are InService
      </text>
    </Diagram>
  );
}

/* ------------------------------------------------------------------------------------------------------------- */

export interface ReliabilityBlockDiagramProps {
  id?: string;
  /** "series": two parts that must both work; "parallel": two parts, either will do; "system": the web tier. */
  variant?: "series" | "parallel" | "system";
}

function Block(props: { x: number; y: number; w?: number; label: string; sub?: string }) {
  const w = props.w ?? 120;
  return (
    <g>
      <rect
        x={props.x}
        y={props.y}
        width={w}
        height={46}
        rx={8}
        strokeWidth={2}
        className="fill-white stroke-sky-600 dark:fill-slate-800 dark:stroke-sky-400"
      />
      <text x={props.x + w / 2} y={props.y + (props.sub ? 20 : 28)} textAnchor="middle" fontSize={12} fontWeight={600} className={TEXT}>
        {props.label}
      </text>
      {props.sub ? (
        <text x={props.x + w / 2} y={props.y + 37} textAnchor="middle" fontSize={10} className={MUTED}>
          {props.sub}
        </text>
      ) : null}
    </g>
  );
}

function Wire(props: { d: string }) {
  return <path d={props.d} fill="none" strokeWidth={2} className={LINE} />;
}

/** Reliability block diagrams: series, parallel, and the lab's load balancer → app tier → database system. */
export function ReliabilityBlockDiagram({ id = "reliability-block-diagram", variant = "system" }: ReliabilityBlockDiagramProps) {
  if (variant === "series") {
    return (
      <Diagram
        id={id}
        title="Two components in series"
        desc="Two blocks, A and B, one after the other on a single path. A request must pass through both, so the system works only when A and B both work: its availability is A times B, lower than either."
        width={640}
        height={120}
      >
        <Wire d="M20,50 H150 M270,50 H370 M490,50 H620" />
        <Block x={150} y={27} label="A" sub="99.9 %" />
        <Block x={370} y={27} label="B" sub="99.9 %" />
        <text x={320} y={105} textAnchor="middle" fontSize={12} fontWeight={600} className={TEXT}>
          both must work: 0.999 × 0.999 ≈ 99.8 %
        </text>
      </Diagram>
    );
  }
  if (variant === "parallel") {
    return (
      <Diagram
        id={id}
        title="Two components in parallel"
        desc="Two blocks, A and B, side by side on two branches between the same two points. The system works when either works, so it fails only when both are down at once: its unavailability is the product of theirs."
        width={640}
        height={170}
      >
        <Wire d="M20,85 H200 M200,40 V130 M200,40 H260 M200,130 H260 M380,40 H440 M380,130 H440 M440,40 V130 M440,85 H620" />
        <Block x={260} y={17} label="A" sub="99.9 %" />
        <Block x={260} y={107} label="B" sub="99.9 %" />
        <text x={530} y={160} textAnchor="middle" fontSize={12} fontWeight={600} className={TEXT}>
          either will do: 1 − 0.001² = 99.9999 %
        </text>
      </Diagram>
    );
  }
  return (
    <Diagram
      id={id}
      title="A web tier as a reliability block diagram"
      desc={
        "Three stages in series. First a load balancer. Then an application tier of three instances in parallel, one in " +
        "each of three Availability Zones, of which at least two must be up to carry the load (2 of 3). Then a database: " +
        "a primary in AZ a and a standby in AZ b, in parallel, so either can serve. The whole system is up only when " +
        "all three stages are up."
      }
      width={640}
      height={230}
    >
      <Wire d="M10,115 H30 M150,115 H190 M190,40 V190 M190,40 H210 M190,115 H210 M190,190 H210 M330,40 H350 M330,115 H350 M330,190 H350 M350,40 V190 M350,115 H400 M400,70 V160 M400,70 H420 M400,160 H420 M540,70 H560 M540,160 H560 M560,70 V160 M560,115 H630" />
      <Block x={30} y={92} label="Load balancer" sub="managed, multi-AZ" />
      <Block x={210} y={17} label="App 1" sub="AZ a" />
      <Block x={210} y={92} label="App 2" sub="AZ b" />
      <Block x={210} y={167} label="App 3" sub="AZ c" />
      <text x={270} y={226} textAnchor="middle" fontSize={11} fontWeight={600} className={TEXT}>
        need 2 of 3
      </text>
      <Block x={420} y={47} label="DB primary" sub="AZ a" />
      <Block x={420} y={137} label="DB standby" sub="AZ b" />
      <text x={480} y={226} textAnchor="middle" fontSize={11} fontWeight={600} className={TEXT}>
        either (after failover)
      </text>
    </Diagram>
  );
}
