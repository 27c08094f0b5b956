/*
 * Diagrams for the messaging (Day 14) and mid-course review (Day 15) lessons. Accessible inline SVG (role="img",
 * <title> + <desc> referenced by aria-labelledby), Tailwind fill/stroke classes for light and dark, no hooks.
 */
import { Arrow, BOX, Diagram, LINE, MUTED, SERVER, TEXT } from "./diagram-parts";

const QUEUE = "fill-violet-50 stroke-violet-600 dark:fill-violet-950/60 dark:stroke-violet-400";
const BAD = "fill-rose-50 stroke-rose-600 dark:fill-rose-950/60 dark:stroke-rose-400";
const AZ = "fill-slate-50 stroke-slate-400 dark:fill-slate-800/60 dark:stroke-slate-500";

function Box(props: { x: number; y: number; w: number; h: number; label: string; sub?: string; className: string }) {
  return (
    <g>
      <rect x={props.x} y={props.y} width={props.w} height={props.h} rx={6} strokeWidth={2} className={props.className} />
      <text x={props.x + props.w / 2} y={props.y + props.h / 2 + (props.sub ? -2 : 5)} textAnchor="middle" fontSize={13} fontWeight={600} className={TEXT}>
        {props.label}
      </text>
      {props.sub ? (
        <text x={props.x + props.w / 2} y={props.y + props.h / 2 + 14} textAnchor="middle" fontSize={11} className={MUTED}>
          {props.sub}
        </text>
      ) : null}
    </g>
  );
}

/** A producer calling consumers directly (top) versus through a queue (bottom). */
export function SyncVsQueueDiagram({ id = "sync-vs-queue-diagram" }: { id?: string }) {
  const arrow = `url(#${id}-a)`;
  return (
    <Diagram
      id={id}
      title="A direct call versus a queue between producer and consumers"
      desc={
        "Top: the producer calls the consumers directly and waits for each answer; when a burst exceeds what the " +
        "consumers can handle, calls wait, time out and fail. Bottom: the producer sends messages to a queue, which " +
        "accepts them at once; consumers receive messages at their own pace and delete each one when done, so a " +
        "burst becomes a backlog that drains later instead of errors."
      }
      width={640}
      height={270}
    >
      <defs>
        <Arrow id={`${id}-a`} />
      </defs>
      <text x={10} y={20} fontSize={13} fontWeight={600} className={TEXT}>
        Synchronous: call and wait
      </text>
      <Box x={20} y={40} w={120} h={56} label="Producer" sub="waits for answer" className={BOX} />
      <line x1={140} y1={68} x2={410} y2={68} strokeWidth={2} className={LINE} markerEnd={arrow} />
      <text x={275} y={60} textAnchor="middle" fontSize={11} className={MUTED}>
        request → response (or timeout)
      </text>
      <Box x={415} y={40} w={200} h={56} label="Consumers" sub="busy: extra calls fail" className={BAD} />

      <text x={10} y={150} fontSize={13} fontWeight={600} className={TEXT}>
        Asynchronous: send, and move on
      </text>
      <Box x={20} y={170} w={120} h={56} label="Producer" sub="send succeeds at once" className={BOX} />
      <line x1={140} y1={198} x2={218} y2={198} strokeWidth={2} className={LINE} markerEnd={arrow} />
      <rect x={222} y={176} width={170} height={44} rx={6} strokeWidth={2} className={QUEUE} />
      {[0, 1, 2, 3, 4, 5, 6].map((k) => (
        <rect key={k} x={232 + k * 22} y={186} width={16} height={24} rx={2} className="fill-violet-400 dark:fill-violet-500" />
      ))}
      <text x={307} y={240} textAnchor="middle" fontSize={11} className={MUTED}>
        queue: the backlog waits here
      </text>
      <line x1={392} y1={198} x2={410} y2={198} strokeWidth={2} className={LINE} markerEnd={arrow} />
      <Box x={415} y={170} w={200} h={56} label="Consumers" sub="receive → work → delete" className={SERVER} />
    </Diagram>
  );
}

/** The life of one message in a standard queue: visible, in flight (invisible), deleted, or back to visible. */
export function VisibilityTimeoutDiagram({ id = "visibility-timeout-diagram" }: { id?: string }) {
  const arrow = `url(#${id}-a)`;
  return (
    <Diagram
      id={id}
      title="The life of a message: receive, visibility timeout, delete"
      desc={
        "A message starts visible in the queue. A consumer receives it; it becomes invisible to other consumers for " +
        "the visibility timeout. If the consumer deletes it before the timeout ends, it is gone. If the consumer " +
        "crashes or is too slow, the timeout expires and the message becomes visible again, to be delivered again. " +
        "After too many receives, a redrive policy moves it to a dead-letter queue."
      }
      width={640}
      height={230}
    >
      <defs>
        <Arrow id={`${id}-a`} />
      </defs>
      <Box x={20} y={80} w={120} h={56} label="Visible" sub="waiting" className={QUEUE} />
      <line x1={140} y1={100} x2={248} y2={100} strokeWidth={2} className={LINE} markerEnd={arrow} />
      <text x={194} y={92} textAnchor="middle" fontSize={11} className={MUTED}>
        ReceiveMessage
      </text>
      <Box x={252} y={80} w={140} h={56} label="In flight" sub="invisible to others" className={SERVER} />
      <line x1={392} y1={100} x2={488} y2={100} strokeWidth={2} className={LINE} markerEnd={arrow} />
      <text x={440} y={92} textAnchor="middle" fontSize={11} className={MUTED}>
        DeleteMessage
      </text>
      <Box x={492} y={80} w={128} h={56} label="Deleted" sub="done" className={BOX} />
      <path d={`M 300 136 C 300 190, 120 190, 90 140`} fill="none" strokeWidth={2} className={LINE} markerEnd={arrow} />
      <text x={200} y={200} textAnchor="middle" fontSize={11} className={MUTED}>
        visibility timeout expires (crash, or too slow): delivered again
      </text>
      <path d={`M 80 80 C 80 30, 430 30, 500 36`} fill="none" strokeWidth={2} strokeDasharray="5 4" className={LINE} markerEnd={arrow} />
      <Box x={504} y={14} w={116} h={40} label="Dead-letter queue" className={BAD} />
      <text x={290} y={30} textAnchor="middle" fontSize={11} className={MUTED}>
        received more than maxReceiveCount times
      </text>
    </Diagram>
  );
}

/** The Day 15 design: a three-tier web application across three AZs. */
export function ThreeTierDiagram({ id = "three-tier-diagram" }: { id?: string }) {
  const arrow = `url(#${id}-a)`;
  const azX = [20, 230, 440];
  return (
    <Diagram
      id={id}
      title="A three-tier web application across three Availability Zones"
      desc={
        "Users reach a load balancer with a node in each of three AZs. Behind it, an Auto Scaling group runs web " +
        "instances in all three AZs. The web tier reads from a cache and a primary database in one AZ, with a " +
        "synchronous standby in a second AZ, and sends slow work to a queue that worker instances drain. Losing any " +
        "one AZ leaves the load balancer, two thirds of the web tier and a copy of the data."
      }
      width={640}
      height={330}
    >
      <defs>
        <Arrow id={`${id}-a`} />
      </defs>
      <Box x={250} y={8} w={140} h={34} label="Users" className={BOX} />
      <line x1={320} y1={42} x2={320} y2={62} strokeWidth={2} className={LINE} markerEnd={arrow} />
      <rect x={20} y={64} width={600} height={34} rx={6} strokeWidth={2} className={SERVER} />
      <text x={320} y={86} textAnchor="middle" fontSize={13} fontWeight={600} className={TEXT}>
        Load balancer (a node in each AZ, health checks)
      </text>
      {azX.map((x, z) => (
        <g key={z}>
          <rect x={x} y={108} width={180} height={214} rx={8} strokeWidth={1.5} strokeDasharray="6 4" className={AZ} />
          <text x={x + 90} y={126} textAnchor="middle" fontSize={12} fontWeight={600} className={MUTED}>
            {`AZ ${String.fromCharCode(97 + z)}`}
          </text>
          <Box x={x + 15} y={134} w={150} h={40} label="Web instances" sub="Auto Scaling group" className={SERVER} />
          {z === 0 ? <Box x={x + 15} y={186} w={150} h={40} label="Database primary" className={BOX} /> : null}
          {z === 1 ? <Box x={x + 15} y={186} w={150} h={40} label="Standby (sync)" className={BOX} /> : null}
          {z === 2 ? <Box x={x + 15} y={186} w={150} h={40} label="Cache node" className={BOX} /> : null}
          <Box x={x + 15} y={238} w={150} h={34} label={z === 1 ? "Queue (regional)" : "Workers"} className={z === 1 ? QUEUE : SERVER} />
          <text x={x + 90} y={300} textAnchor="middle" fontSize={11} className={MUTED}>
            {z === 1 ? "spans all AZs" : "drain the queue"}
          </text>
        </g>
      ))}
    </Diagram>
  );
}
