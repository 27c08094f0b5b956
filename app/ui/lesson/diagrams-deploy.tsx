/*
 * Diagrams for the containers and serverless (Day 25) and infrastructure as code and deployments (Day 26) lessons.
 * Accessible inline SVG (role="img", <title> + <desc> referenced by aria-labelledby), Tailwind fill/stroke classes
 * for light and dark, no hooks.
 */
import { Arrow, BOX, Diagram, LINE, MUTED, SERVER, TEXT } from "./diagram-parts";

const YOURS = "fill-amber-50 stroke-amber-600 dark:fill-amber-950/60 dark:stroke-amber-400";
const PROVIDER = "fill-slate-100 stroke-slate-400 dark:fill-slate-800 dark:stroke-slate-500";
const NEW = "fill-emerald-50 stroke-emerald-600 dark:fill-emerald-950/60 dark:stroke-emerald-400";
const BAD = "fill-rose-50 stroke-rose-600 dark:fill-rose-950/60 dark:stroke-rose-400";

function Layer(props: { x: number; y: number; w: number; h?: number; label: string; className: string; size?: number }) {
  const h = props.h ?? 26;
  return (
    <g>
      <rect x={props.x} y={props.y} width={props.w} height={h} rx={4} strokeWidth={1.5} className={props.className} />
      <text x={props.x + props.w / 2} y={props.y + h / 2 + 4} textAnchor="middle" fontSize={props.size ?? 11} className={TEXT}>
        {props.label}
      </text>
    </g>
  );
}

/** Virtual machines, containers and functions: which layers each one packages, and who manages them. */
export function ComputeModelsDiagram({ id = "compute-models-diagram" }: { id?: string }) {
  const colW = 200;
  const xs = [10, 220, 430];
  const top = 40;
  return (
    <Diagram
      id={id}
      title="Virtual machines, containers and functions compared layer by layer"
      desc={
        "Three stacks side by side. Virtual machines: physical server, hypervisor, then for each VM its own guest " +
        "operating system, libraries and application; you manage the guest OS and everything above it. Containers: " +
        "physical server (or a VM), one host operating system kernel, a container runtime, then for each container " +
        "only its libraries and application, sharing the host kernel. Functions: the provider runs servers, " +
        "operating systems and runtimes; you supply only the function code and its configuration, and it runs when " +
        "an event arrives. Amber layers are yours to manage; grey layers are the provider's."
      }
      width={640}
      height={300}
    >
      {["Virtual machines", "Containers", "Functions (FaaS)"].map((t, i) => (
        <text key={t} x={(xs[i] as number) + colW / 2} y={22} textAnchor="middle" fontSize={13} fontWeight={600} className={TEXT}>
          {t}
        </text>
      ))}
      {/* VMs */}
      {[0, 1].map((k) => (
        <g key={k}>
          <Layer x={10 + k * 102} y={top} w={98} label="App" className={YOURS} />
          <Layer x={10 + k * 102} y={top + 30} w={98} label="Libraries" className={YOURS} />
          <Layer x={10 + k * 102} y={top + 60} w={98} label="Guest OS" className={YOURS} />
        </g>
      ))}
      <Layer x={10} y={top + 94} w={colW} label="Hypervisor" className={PROVIDER} />
      <Layer x={10} y={top + 124} w={colW} label="Physical server" className={PROVIDER} />
      <text x={110} y={top + 176} textAnchor="middle" fontSize={11} className={MUTED}>
        each VM boots a whole OS: minutes
      </text>
      {/* Containers */}
      {[0, 1, 2].map((k) => (
        <g key={k}>
          <Layer x={220 + k * 68} y={top + 30} w={64} label="App" className={YOURS} />
          <Layer x={220 + k * 68} y={top + 60} w={64} label="Libs" className={YOURS} />
        </g>
      ))}
      <Layer x={220} y={top + 94} w={colW} label="Container runtime" className={PROVIDER} />
      <Layer x={220} y={top + 124} w={colW} label="Host OS kernel (shared)" className={YOURS} />
      <text x={320} y={top + 176} textAnchor="middle" fontSize={11} className={MUTED}>
        processes on one kernel: seconds
      </text>
      {/* Functions */}
      <Layer x={430} y={top + 30} w={colW} label="Your function code + config" className={YOURS} />
      <Layer x={430} y={top + 60} w={colW} label="Language runtime" className={PROVIDER} />
      <Layer x={430} y={top + 94} w={colW} label="Execution environments (micro-VMs)" className={PROVIDER} />
      <Layer x={430} y={top + 124} w={colW} label="Servers, OS, scaling, patching" className={PROVIDER} />
      <text x={530} y={top + 176} textAnchor="middle" fontSize={11} className={MUTED}>
        runs per event; idle costs nothing
      </text>
      <rect x={140} y={top + 200} width={14} height={14} rx={3} strokeWidth={1.5} className={YOURS} />
      <text x={160} y={top + 212} fontSize={11} className={TEXT}>
        you manage
      </text>
      <rect x={260} y={top + 200} width={14} height={14} rx={3} strokeWidth={1.5} className={PROVIDER} />
      <text x={280} y={top + 212} fontSize={11} className={TEXT}>
        the provider manages (managed container hosts such as Fargate take the kernel too)
      </text>
    </Diagram>
  );
}

/** The life of an execution environment: init (cold start), invokes, idle and reuse, shutdown. */
export function FunctionLifecycleDiagram({ id = "function-lifecycle-diagram" }: { id?: string }) {
  const arrow = `url(#${id}-a)`;
  const y = 70;
  return (
    <Diagram
      id={id}
      title="The life of a function's execution environment"
      desc={
        "A request arrives and no environment is free, so a new one is created: the INIT phase downloads the code, " +
        "starts the runtime and runs the code outside the handler. That is the cold start, and the first request " +
        "waits for it. Then the INVOKE phase runs the handler. The environment then waits idle; the next request " +
        "that finds it free is a warm start and skips INIT. An environment serves one request at a time. After a " +
        "period without use, the service shuts it down."
      }
      width={640}
      height={190}
    >
      <defs>
        <Arrow id={`${id}-a`} />
      </defs>
      <rect x={10} y={y} width={150} height={44} rx={6} strokeWidth={2} className={BAD} />
      <text x={85} y={y + 18} textAnchor="middle" fontSize={13} fontWeight={600} className={TEXT}>
        INIT (cold start)
      </text>
      <text x={85} y={y + 34} textAnchor="middle" fontSize={11} className={MUTED}>
        code, runtime, init code
      </text>
      <line x1={160} y1={y + 22} x2={186} y2={y + 22} strokeWidth={2} className={LINE} markerEnd={arrow} />
      <rect x={190} y={y} width={110} height={44} rx={6} strokeWidth={2} className={SERVER} />
      <text x={245} y={y + 18} textAnchor="middle" fontSize={13} fontWeight={600} className={TEXT}>
        INVOKE
      </text>
      <text x={245} y={y + 34} textAnchor="middle" fontSize={11} className={MUTED}>
        your handler
      </text>
      <line x1={300} y1={y + 22} x2={326} y2={y + 22} strokeWidth={2} className={LINE} markerEnd={arrow} />
      <rect x={330} y={y} width={110} height={44} rx={6} strokeWidth={2} className={BOX} />
      <text x={385} y={y + 18} textAnchor="middle" fontSize={13} fontWeight={600} className={TEXT}>
        Idle (warm)
      </text>
      <text x={385} y={y + 34} textAnchor="middle" fontSize={11} className={MUTED}>
        kept for a while
      </text>
      <path d={`M 385 ${y} C 385 ${y - 45}, 245 ${y - 45}, 245 ${y - 4}`} fill="none" strokeWidth={2} className={LINE} markerEnd={arrow} />
      <text x={315} y={y - 40} textAnchor="middle" fontSize={11} className={MUTED}>
        next request: warm start, no INIT
      </text>
      <line x1={440} y1={y + 22} x2={486} y2={y + 22} strokeWidth={2} strokeDasharray="5 4" className={LINE} markerEnd={arrow} />
      <rect x={490} y={y} width={140} height={44} rx={6} strokeWidth={2} className={PROVIDER} />
      <text x={560} y={y + 18} textAnchor="middle" fontSize={13} fontWeight={600} className={TEXT}>
        SHUTDOWN
      </text>
      <text x={560} y={y + 34} textAnchor="middle" fontSize={11} className={MUTED}>
        after a time unused
      </text>
      <text x={10} y={y + 80} fontSize={11} className={MUTED}>
        One environment serves one request at a time: a second concurrent request needs a second environment — and
      </text>
      <text x={10} y={y + 96} fontSize={11} className={MUTED}>
        pays its own cold start. Provisioned concurrency runs INIT ahead of time, so requests find environments warm.
      </text>
    </Diagram>
  );
}

/** Rolling, blue/green and canary deployments: how much of the traffic meets the new version, and when. */
export function DeploymentStrategiesDiagram({ id = "deployment-strategies-diagram" }: { id?: string }) {
  const rowH = 62;
  const rows = [
    { label: "All at once", cells: [["new", 4]], note: "every instance replaced together: fastest, whole fleet exposed" },
    { label: "Rolling (batches)", cells: [["new", 1], ["old", 3]], note: "one batch at a time; capacity dips by a batch" },
    { label: "Blue/green", cells: [["old", 4], ["green", 4]], note: "full new fleet beside the old; switch, and switch back" },
    { label: "Canary", cells: [["new", 0.4], ["old", 3.6]], note: "a small share of traffic first, watched by alarms" },
  ] as const;
  return (
    <Diagram
      id={id}
      title="Four deployment strategies"
      desc={
        "All at once replaces every instance together: fastest, but a bad version reaches all users. Rolling " +
        "replaces one batch at a time, so capacity dips by a batch and a bad version reaches a growing share. " +
        "Blue/green starts a complete new (green) fleet beside the old (blue) one and switches traffic over; " +
        "switching back is the rollback, at the price of running two fleets for a while. Canary sends a small " +
        "share of traffic to the new version first, watches alarms, and only then shifts the rest."
      }
      width={640}
      height={30 + rows.length * rowH}
    >
      {rows.map((r, i) => {
        const y = 20 + i * rowH;
        let x = 150;
        const unit = 55;
        return (
          <g key={r.label}>
            <text x={10} y={y + 22} fontSize={13} fontWeight={600} className={TEXT}>
              {r.label}
            </text>
            {r.cells.map(([kind, n], k) => {
              const w = n * unit;
              const cls = kind === "old" ? SERVER : NEW;
              const el = (
                <g key={k}>
                  <rect x={x} y={y + 6} width={Math.max(w - 4, 4)} height={26} rx={4} strokeWidth={1.5} className={cls} />
                  {w > 40 ? (
                    <text x={x + w / 2 - 2} y={y + 23} textAnchor="middle" fontSize={11} className={TEXT}>
                      {kind === "old" ? "v1" : "v2"}
                    </text>
                  ) : null}
                </g>
              );
              x += w;
              return el;
            })}
            <text x={150} y={y + 48} fontSize={11} className={MUTED}>
              {r.note}
            </text>
          </g>
        );
      })}
    </Diagram>
  );
}
