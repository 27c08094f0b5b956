/*
 * Diagrams for the scalability (Day 9) and load-balancing (Day 11) lessons. Accessible inline SVG (role="img",
 * <title> + <desc> referenced by aria-labelledby), Tailwind fill/stroke classes for light and dark, no hooks.
 */
import { Arrow, BOX, Diagram, LINE, MUTED, SERVER, TEXT } from "./diagram-parts";

/** Scaling up (one bigger machine) beside scaling out (more machines behind a load balancer). */
export function ScaleUpOutDiagram({ id = "scale-up-out-diagram" }: { id?: string }) {
  const cpu = (x: number, y: number, k: number) => (
    <rect key={k} x={x} y={y} width={16} height={16} rx={2} className="fill-sky-500 dark:fill-sky-400" />
  );
  return (
    <Diagram
      id={id}
      title="Vertical scaling versus horizontal scaling"
      desc={
        "Left, vertical scaling: one server is replaced by a bigger one with four times the CPUs; it is still a " +
        "single machine, with a size limit and no spare if it fails. Right, horizontal scaling: a load balancer " +
        "spreads requests over four identical servers; more servers can be added, and losing one leaves three."
      }
      width={640}
      height={250}
    >
      <defs>
        <Arrow id={`${id}-a`} />
      </defs>
      {/* vertical */}
      <text x={160} y={22} textAnchor="middle" fontSize={14} fontWeight={600} className={TEXT}>
        Vertical: scale up
      </text>
      <rect x={30} y={90} width={60} height={60} rx={6} strokeWidth={2} className={SERVER} />
      {cpu(52, 112, 0)}
      <line x1={100} y1={120} x2={158} y2={120} strokeWidth={2} className={LINE} markerEnd={`url(#${id}-a)`} />
      <rect x={170} y={55} width={130} height={130} rx={8} strokeWidth={2} className={SERVER} />
      {Array.from({ length: 16 }, (_, k) => cpu(186 + (k % 4) * 26, 71 + Math.floor(k / 4) * 26, k))}
      <text x={160} y={212} textAnchor="middle" fontSize={12} className={MUTED}>
        bigger machine: simple, but a size ceiling,
      </text>
      <text x={160} y={228} textAnchor="middle" fontSize={12} className={MUTED}>
        a restart to resize, one point of failure
      </text>
      {/* horizontal */}
      <text x={480} y={22} textAnchor="middle" fontSize={14} fontWeight={600} className={TEXT}>
        Horizontal: scale out
      </text>
      <rect x={430} y={38} width={100} height={32} rx={6} strokeWidth={2} className="fill-amber-50 stroke-amber-500 dark:fill-amber-950/40 dark:stroke-amber-400" />
      <text x={480} y={59} textAnchor="middle" fontSize={12} fontWeight={600} className={TEXT}>
        load balancer
      </text>
      {[0, 1, 2, 3].map((k) => {
        const x = 360 + k * 70;
        return (
          <g key={k}>
            <line x1={480} y1={70} x2={x + 25} y2={118} strokeWidth={1.5} className={LINE} markerEnd={`url(#${id}-a)`} />
            <rect x={x} y={122} width={50} height={50} rx={6} strokeWidth={2} className={SERVER} />
            {cpu(x + 17, 139, k)}
          </g>
        );
      })}
      <text x={480} y={212} textAnchor="middle" fontSize={12} className={MUTED}>
        more machines: near-limitless, survives a loss,
      </text>
      <text x={480} y={228} textAnchor="middle" fontSize={12} className={MUTED}>
        but needs stateless servers and a load balancer
      </text>
      <line x1={320} y1={30} x2={320} y2={235} strokeDasharray="4 4" className="stroke-slate-300 dark:stroke-slate-700" />
    </Diagram>
  );
}

/** A load balancer with a node in each of two AZs, health checks, and cross-zone routing on or off. */
export function LoadBalancerDiagram({ id = "load-balancer-diagram", crossZone = true }: { id?: string; crossZone?: boolean }) {
  const azs = [
    { x: 20, name: "AZ a", targets: 1 },
    { x: 330, name: "AZ b", targets: 3 },
  ];
  return (
    <Diagram
      id={id}
      title={`A load balancer across two Availability Zones, cross-zone load balancing ${crossZone ? "on" : "off"}`}
      desc={
        "Clients resolve the load balancer's DNS name and reach a load balancer node in AZ a or AZ b, about half " +
        "each. AZ a has one target, AZ b has three. The nodes send health checks to every target and route only " +
        "to healthy ones. " +
        (crossZone
          ? "With cross-zone load balancing on, each node spreads over all four targets, so each gets about a quarter of the traffic."
          : "With cross-zone load balancing off, each node uses only its own AZ's targets: the single target in AZ a gets half of all traffic, and each target in AZ b about a sixth.")
      }
      width={640}
      height={300}
    >
      <defs>
        <Arrow id={`${id}-a`} />
      </defs>
      <text x={320} y={22} textAnchor="middle" fontSize={13} fontWeight={600} className={TEXT}>
        Clients → DNS name of the load balancer
      </text>
      {azs.map((az) => (
        <g key={az.name}>
          <rect x={az.x} y={40} width={290} height={225} rx={10} strokeWidth={1.5} strokeDasharray="6 4" className={BOX} />
          <text x={az.x + 12} y={60} fontSize={12} fontWeight={600} className={MUTED}>
            {az.name}
          </text>
          <line x1={320} y1={30} x2={az.x + 145} y2={78} strokeWidth={2} className={LINE} markerEnd={`url(#${id}-a)`} />
          <rect x={az.x + 65} y={82} width={160} height={30} rx={6} strokeWidth={2} className="fill-amber-50 stroke-amber-500 dark:fill-amber-950/40 dark:stroke-amber-400" />
          <text x={az.x + 145} y={102} textAnchor="middle" fontSize={12} fontWeight={600} className={TEXT}>
            LB node: ½ of clients
          </text>
        </g>
      ))}
      {/* targets */}
      {(() => {
        const targets = [
          { x: 125, az: 0 },
          { x: 360, az: 1 },
          { x: 450, az: 1 },
          { x: 540, az: 1 },
        ];
        const shareOff = [50, 100 / 6, 100 / 6, 100 / 6];
        return targets.map((t, k) => (
          <g key={k}>
            {[0, 1].map((node) => {
              if (!crossZone && node !== t.az) return null;
              const from = azs[node]!.x + 145;
              return (
                <line
                  key={node}
                  x1={from}
                  y1={112}
                  x2={t.x + 25}
                  y2={180}
                  strokeWidth={1.5}
                  strokeDasharray={node === t.az ? undefined : "4 3"}
                  className="stroke-sky-600 dark:stroke-sky-400"
                  markerEnd={`url(#${id}-a)`}
                />
              );
            })}
            <rect x={t.x} y={184} width={50} height={40} rx={6} strokeWidth={2} className={SERVER} />
            <text x={t.x + 25} y={209} textAnchor="middle" fontSize={11} className={TEXT}>
              target
            </text>
            <text x={t.x + 25} y={244} textAnchor="middle" fontSize={12} fontWeight={600} className={TEXT}>
              {crossZone ? "25 %" : `${Math.round(shareOff[k] as number)} %`}
            </text>
          </g>
        ));
      })()}
      <text x={320} y={294} textAnchor="middle" fontSize={11} className={MUTED}>
        {crossZone ? "cross-zone on: every node uses every healthy target (dashed: across AZs)" : "cross-zone off: each node keeps to its own AZ"}
      </text>
    </Diagram>
  );
}
