/*
 * Diagrams for the agility (Day 4) and global infrastructure (Day 8) lessons. Accessible inline SVG (role="img",
 * <title> + <desc> referenced by aria-labelledby), Tailwind fill/stroke classes for light and dark, no hooks.
 */
import { Diagram, LINE, MUTED, TEXT } from "./diagram-parts";

function Step(props: { x: number; y: number; w: number; label: string; sub: string; tone: "slow" | "fast" }) {
  const cls =
    props.tone === "slow"
      ? "fill-indigo-50 stroke-indigo-500 dark:fill-indigo-950/50 dark:stroke-indigo-400"
      : "fill-sky-50 stroke-sky-600 dark:fill-sky-950/50 dark:stroke-sky-400";
  return (
    <g>
      <rect x={props.x} y={props.y} width={props.w} height={44} rx={6} strokeWidth={1.5} className={cls} />
      <text x={props.x + props.w / 2} y={props.y + 19} textAnchor="middle" fontSize={12} fontWeight={600} className={TEXT}>
        {props.label}
      </text>
      <text x={props.x + props.w / 2} y={props.y + 35} textAnchor="middle" fontSize={11} className={MUTED}>
        {props.sub}
      </text>
    </g>
  );
}

/** Two ways to get an environment: a ticket through people and procurement, or one API call. */
export function ProvisioningPathsDiagram({ id = "provisioning-paths-diagram" }: { id?: string }) {
  return (
    <Diagram
      id={id}
      title="Getting an environment: ticket queue versus self-service API"
      desc={
        "Top row, the ticket path: file a ticket, wait for approval, procurement or allocation, racking and " +
        "configuration, then hand-over — typically days to weeks, with a person at every step. Bottom row, the " +
        "self-service path: code or a command calls the provider's API, which checks permissions and quotas and " +
        "creates the resources in minutes; deleting them afterwards is another API call. Illustrative durations."
      }
      width={660}
      height={200}
    >
      <text x={8} y={20} fontSize={13} fontWeight={700} className={TEXT}>
        Ticket queue (days to weeks)
      </text>
      <Step x={8} y={32} w={118} label="File ticket" sub="form, justification" tone="slow" />
      <Step x={138} y={32} w={118} label="Approval" sub="budget, change board" tone="slow" />
      <Step x={268} y={32} w={118} label="Procure / allocate" sub="order or find servers" tone="slow" />
      <Step x={398} y={32} w={118} label="Rack and configure" sub="by hand, by a person" tone="slow" />
      <Step x={528} y={32} w={124} label="Hand-over" sub="then you can start" tone="slow" />
      <text x={8} y={118} fontSize={13} fontWeight={700} className={TEXT}>
        Self-service API (minutes)
      </text>
      <Step x={8} y={130} w={190} label="Code or CLI calls the API" sub="e.g. RunInstances, or IaC apply" tone="fast" />
      <Step x={214} y={130} w={200} label="Permissions and quotas checked" sub="policy, not a person" tone="fast" />
      <Step x={430} y={130} w={222} label="Resources running" sub="delete with one more call" tone="fast" />
      {[126, 256, 386, 516].map((x) => (
        <line key={x} x1={x + 1} y1={54} x2={x + 11} y2={54} strokeWidth={2} className={LINE} />
      ))}
      {[198, 414].map((x) => (
        <line key={x} x1={x + 1} y1={152} x2={x + 15} y2={152} strokeWidth={2} className={LINE} />
      ))}
    </Diagram>
  );
}

/** A Region with AZs, a Local Zone attached to it, and edge locations near users, all on the provider's backbone. */
export function GlobalInfrastructureDiagram({ id = "global-infrastructure-diagram" }: { id?: string }) {
  const az = (x: number, label: string) => (
    <g key={label}>
      <rect x={x} y={70} width={88} height={70} rx={6} strokeWidth={1.5} className="fill-white stroke-sky-600 dark:fill-slate-900 dark:stroke-sky-400" />
      <text x={x + 44} y={90} textAnchor="middle" fontSize={12} fontWeight={600} className={TEXT}>
        {label}
      </text>
      <rect x={x + 14} y={100} width={26} height={28} rx={2} className="fill-sky-200 dark:fill-sky-800" />
      <rect x={x + 48} y={100} width={26} height={28} rx={2} className="fill-sky-200 dark:fill-sky-800" />
    </g>
  );
  const edge = (x: number, y: number, label: string) => (
    <g key={label}>
      <circle cx={x} cy={y} r={16} strokeWidth={1.5} className="fill-amber-50 stroke-amber-600 dark:fill-amber-950/50 dark:stroke-amber-400" />
      <text x={x} y={y + 4} textAnchor="middle" fontSize={10} fontWeight={600} className={TEXT}>
        PoP
      </text>
      <text x={x} y={y + 32} textAnchor="middle" fontSize={11} className={MUTED}>
        {label}
      </text>
    </g>
  );
  return (
    <Diagram
      id={id}
      title="Regions, Availability Zones, Local Zones and edge locations"
      desc={
        "A Region contains three Availability Zones, each one or more data centers, all within about 100 km of " +
        "each other. A Local Zone, a smaller extension of the Region placed in a metro area closer to some users, " +
        "connects back to its parent Region. Edge locations (points of presence) sit in many more cities, near " +
        "users; they run services such as CloudFront caching and Route 53 DNS, not your general workloads. The " +
        "provider's private backbone network links them all."
      }
      width={660}
      height={250}
    >
      <rect x={10} y={30} width={320} height={130} rx={10} strokeWidth={2} strokeDasharray="6 4" className="fill-sky-50/60 stroke-sky-700 dark:fill-sky-950/30 dark:stroke-sky-400" />
      <text x={20} y={52} fontSize={13} fontWeight={700} className={TEXT}>
        Region (e.g. eu-central-1): 3+ AZs
      </text>
      {az(22, "AZ a")}
      {az(122, "AZ b")}
      {az(222, "AZ c")}
      <rect x={370} y={60} width={120} height={80} rx={8} strokeWidth={1.5} className="fill-emerald-50 stroke-emerald-600 dark:fill-emerald-950/40 dark:stroke-emerald-400" />
      <text x={430} y={84} textAnchor="middle" fontSize={12} fontWeight={600} className={TEXT}>
        Local Zone
      </text>
      <text x={430} y={102} textAnchor="middle" fontSize={11} className={MUTED}>
        a metro area,
      </text>
      <text x={430} y={118} textAnchor="middle" fontSize={11} className={MUTED}>
        extends the Region
      </text>
      <line x1={330} y1={100} x2={370} y2={100} strokeWidth={2} className={LINE} />
      {edge(540, 70, "city A")}
      {edge(610, 130, "city B")}
      {edge(540, 190, "city C")}
      <line x1={40} y1={200} x2={620} y2={200} strokeWidth={3} className="stroke-indigo-400 dark:stroke-indigo-500" />
      <text x={40} y={222} fontSize={11} className={MUTED}>
        provider backbone (private fibre between Regions, Local Zones and edge locations)
      </text>
      <line x1={170} y1={160} x2={170} y2={200} strokeWidth={2} className={LINE} />
      <line x1={430} y1={140} x2={430} y2={200} strokeWidth={2} className={LINE} />
      <line x1={524} y1={190} x2={500} y2={200} strokeWidth={2} className={LINE} />
      <text x={570} y={28} textAnchor="middle" fontSize={12} fontWeight={600} className={TEXT}>
        edge locations
      </text>
    </Diagram>
  );
}
