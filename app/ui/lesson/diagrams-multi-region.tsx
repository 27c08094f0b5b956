/*
 * Diagrams for the multi-Region lesson (Day 27) and the Well-Architected lesson (Day 28). Accessible inline SVG
 * (role="img", <title> + <desc> referenced by aria-labelledby), Tailwind fill/stroke classes for light and dark,
 * no hooks.
 */
import { Arrow, Diagram, LINE, MUTED, TEXT } from "./diagram-parts";

const ACTIVE = "fill-sky-50 stroke-sky-600 dark:fill-sky-950/60 dark:stroke-sky-400";
const STANDBY = "fill-slate-50 stroke-slate-400 dark:fill-slate-900 dark:stroke-slate-500";
const USERS = "fill-amber-50 stroke-amber-600 dark:fill-amber-950/50 dark:stroke-amber-400";

function Box(props: { x: number; y: number; w: number; h: number; cls: string; title: string; sub?: string; dashed?: boolean }) {
  return (
    <g>
      <rect
        x={props.x}
        y={props.y}
        width={props.w}
        height={props.h}
        rx={8}
        strokeWidth={1.5}
        strokeDasharray={props.dashed ? "5 4" : undefined}
        className={props.cls}
      />
      <text x={props.x + props.w / 2} y={props.y + (props.sub ? props.h / 2 - 2 : props.h / 2 + 4)} textAnchor="middle" fontSize={12} fontWeight={600} className={TEXT}>
        {props.title}
      </text>
      {props.sub ? (
        <text x={props.x + props.w / 2} y={props.y + props.h / 2 + 14} textAnchor="middle" fontSize={10.5} className={MUTED}>
          {props.sub}
        </text>
      ) : null}
    </g>
  );
}

/** Active-passive (failover routing to a standby) beside active-active (latency routing to both Regions). */
export function MultiRegionPatternsDiagram({ id = "multi-region-patterns-diagram" }: { id?: string }) {
  const arrow = `${id}-arrow`;
  return (
    <Diagram
      id={id}
      title="Active-passive and active-active across two Regions"
      desc={
        "Left, active-passive: DNS failover routing sends all users to the primary Region while its health check " +
        "passes; the secondary Region holds an asynchronously replicated copy of the data and takes traffic only " +
        "after the primary's health check fails. Right, active-active: latency routing sends users in the Americas " +
        "to one Region and users in Europe to the other; both Regions serve and accept writes, and each replicates " +
        "its changes to the other. If one Region fails, its health check fails and its users are sent to the other."
      }
      width={660}
      height={250}
    >
      <defs>
        <Arrow id={arrow} />
      </defs>
      <text x={160} y={18} textAnchor="middle" fontSize={13} fontWeight={700} className={TEXT}>
        Active-passive
      </text>
      <Box x={80} y={30} w={160} h={40} cls={USERS} title="All users" sub="DNS: failover routing" />
      <Box x={10} y={120} w={140} h={60} cls={ACTIVE} title="Primary Region" sub="serves everyone" />
      <Box x={170} y={120} w={140} h={60} cls={STANDBY} title="Secondary Region" sub="standby; data replica" dashed />
      <line x1={130} y1={70} x2={90} y2={116} strokeWidth={2} className={LINE} markerEnd={`url(#${arrow})`} />
      <line x1={190} y1={70} x2={230} y2={116} strokeWidth={1.5} strokeDasharray="4 4" className={LINE} markerEnd={`url(#${arrow})`} />
      <text x={226} y={96} fontSize={10.5} className={MUTED}>
        only on failover
      </text>
      <line x1={150} y1={150} x2={166} y2={150} strokeWidth={1.5} className={LINE} markerEnd={`url(#${arrow})`} />
      <text x={160} y={205} textAnchor="middle" fontSize={11} className={MUTED}>
        async replication, one way
      </text>
      <text x={160} y={225} textAnchor="middle" fontSize={11} className={MUTED}>
        cheaper and simpler; failover takes minutes
      </text>

      <line x1={330} y1={10} x2={330} y2={240} strokeWidth={1} className="stroke-slate-300 dark:stroke-slate-700" />

      <text x={495} y={18} textAnchor="middle" fontSize={13} fontWeight={700} className={TEXT}>
        Active-active
      </text>
      <Box x={350} y={30} w={140} h={40} cls={USERS} title="Users: Americas" sub="DNS: latency routing" />
      <Box x={505} y={30} w={145} h={40} cls={USERS} title="Users: Europe" sub="DNS: latency routing" />
      <Box x={350} y={120} w={140} h={60} cls={ACTIVE} title="Region A" sub="serves and writes" />
      <Box x={510} y={120} w={140} h={60} cls={ACTIVE} title="Region B" sub="serves and writes" />
      <line x1={420} y1={70} x2={420} y2={116} strokeWidth={2} className={LINE} markerEnd={`url(#${arrow})`} />
      <line x1={578} y1={70} x2={578} y2={116} strokeWidth={2} className={LINE} markerEnd={`url(#${arrow})`} />
      <line x1={492} y1={143} x2={506} y2={143} strokeWidth={1.5} className={LINE} markerEnd={`url(#${arrow})`} />
      <line x1={508} y1={158} x2={494} y2={158} strokeWidth={1.5} className={LINE} markerEnd={`url(#${arrow})`} />
      <text x={500} y={205} textAnchor="middle" fontSize={11} className={MUTED}>
        async replication, both ways (write conflicts)
      </text>
      <text x={500} y={225} textAnchor="middle" fontSize={11} className={MUTED}>
        lower latency, near-zero RTO; twice the capacity
      </text>
    </Diagram>
  );
}

/** The timeline of a DNS failover: failure, failed checks, the record flips, cached answers expire. */
export function DnsFailoverTimelineDiagram({ id = "dns-failover-timeline-diagram" }: { id?: string }) {
  const x0 = 40;
  const unit = 16; // px per 10 s
  const checks = [3, 6, 9, 12]; // × 10 s: a check every 30 s
  const failAt = 4.2;
  const detectAt = 12;
  const ttlEnd = detectAt + 30; // TTL 300 s
  const px = (tens: number) => x0 + tens * unit * 0.9;
  return (
    <Diagram
      id={id}
      title="How long users see errors after a Region fails"
      desc={
        "A timeline. The Region fails between two health checks. Health checks every 30 seconds fail one after " +
        "another; after the failure threshold, 3 consecutive failures here, Route 53 marks the record unhealthy and " +
        "starts answering with the other Region — at most threshold × interval, 90 seconds, after the failure. " +
        "Resolvers that asked just before that keep the old answer until its TTL expires, up to 300 seconds more. " +
        "So the worst-case error window is about threshold × interval + TTL."
      }
      width={660}
      height={190}
    >
      <line x1={x0} y1={90} x2={640} y2={90} strokeWidth={2} className={LINE} />
      <rect x={px(failAt)} y={60} width={px(ttlEnd) - px(failAt)} height={20} className="fill-rose-100 dark:fill-rose-950/60" />
      <rect x={px(failAt)} y={60} width={px(detectAt) - px(failAt)} height={20} className="fill-rose-300 dark:fill-rose-800" />
      <text x={px(failAt)} y={52} fontSize={11} fontWeight={600} className={TEXT}>
        Region fails
      </text>
      <line x1={px(failAt)} y1={56} x2={px(failAt)} y2={100} strokeWidth={2} className="stroke-rose-600 dark:stroke-rose-400" />
      {checks.map((c, i) => (
        <g key={c}>
          <circle cx={px(c)} cy={90} r={5} className={c > failAt ? "fill-rose-600 dark:fill-rose-400" : "fill-emerald-600 dark:fill-emerald-400"} />
          <text x={px(c)} y={112} textAnchor="middle" fontSize={10} className={MUTED}>
            {c > failAt ? `✕ ${i}` : "✓"}
          </text>
        </g>
      ))}
      <text x={px(detectAt) + 4} y={128} fontSize={11} fontWeight={600} className={TEXT}>
        3rd failure: record unhealthy
      </text>
      <text x={px(detectAt) + 4} y={143} fontSize={10.5} className={MUTED}>
        new DNS answers point to the other Region
      </text>
      <line x1={px(ttlEnd)} y1={56} x2={px(ttlEnd)} y2={100} strokeWidth={2} strokeDasharray="4 3" className={LINE} />
      <text x={px(ttlEnd)} y={52} textAnchor="end" fontSize={11} fontWeight={600} className={TEXT}>
        last cached answer expires
      </text>
      <text x={(px(failAt) + px(detectAt)) / 2} y={74} textAnchor="middle" fontSize={10} fontWeight={600} className={TEXT}>
        detect
      </text>
      <text x={(px(detectAt) + px(ttlEnd)) / 2} y={74} textAnchor="middle" fontSize={10} fontWeight={600} className={TEXT}>
        cached answers (≤ TTL)
      </text>
      <text x={x0} y={172} fontSize={11} className={MUTED}>
        Interval 30 s, threshold 3, TTL 300 s: errors for up to about 90 s + 300 s. Illustrative; real checks also wait for a timeout.
      </text>
    </Diagram>
  );
}

/** The six pillars of the AWS Well-Architected Framework, with the question each one asks. */
export function WellArchitectedPillarsDiagram({ id = "well-architected-pillars-diagram" }: { id?: string }) {
  const pillars: [string, string, string][] = [
    ["Operational", "excellence", "run and improve it"],
    ["Security", "", "protect data, systems"],
    ["Reliability", "", "work correctly, recover"],
    ["Performance", "efficiency", "use resources well"],
    ["Cost", "optimisation", "value for money"],
    ["Sustainability", "", "less impact per unit"],
  ];
  const w = 100;
  const gap = 8;
  return (
    <Diagram
      id={id}
      title="The six pillars of the AWS Well-Architected Framework"
      desc={
        "A roof labelled 'your workload' rests on six pillars: operational excellence (run and improve it), " +
        "security (protect data and systems), reliability (work correctly and recover from failure), performance " +
        "efficiency (use computing resources efficiently), cost optimisation (deliver value at the lowest price) and " +
        "sustainability (reduce environmental impact per unit of work). The pillars stand on a base of design " +
        "principles, questions and best practices used in a review."
      }
      width={660}
      height={220}
    >
      <polygon points="20,60 330,14 640,60" strokeWidth={1.5} className="fill-sky-100 stroke-sky-600 dark:fill-sky-950/60 dark:stroke-sky-400" />
      <text x={330} y={50} textAnchor="middle" fontSize={13} fontWeight={700} className={TEXT}>
        Your workload
      </text>
      {pillars.map(([a, b, q], i) => {
        const x = 24 + i * (w + gap);
        return (
          <g key={a}>
            <rect x={x} y={66} width={w} height={104} rx={4} strokeWidth={1.5} className="fill-white stroke-slate-400 dark:fill-slate-900 dark:stroke-slate-500" />
            <text x={x + w / 2} y={96} textAnchor="middle" fontSize={11.5} fontWeight={700} className={TEXT}>
              {a}
            </text>
            <text x={x + w / 2} y={111} textAnchor="middle" fontSize={11.5} fontWeight={700} className={TEXT}>
              {b}
            </text>
            <text x={x + w / 2} y={150} textAnchor="middle" fontSize={10} className={MUTED}>
              {q}
            </text>
          </g>
        );
      })}
      <rect x={20} y={174} width={620} height={30} rx={4} strokeWidth={1.5} className="fill-slate-100 stroke-slate-400 dark:fill-slate-800 dark:stroke-slate-500" />
      <text x={330} y={194} textAnchor="middle" fontSize={11.5} className={TEXT}>
        Design principles · review questions · best practices · improvement plan
      </text>
    </Diagram>
  );
}
