import { Arrow, BOX, Diagram, LINE, MUTED, SERVER, TEXT } from "./diagram-parts";

/*
 * Diagrams for day 6 (storage: block, file and object): accessible inline SVG (role="img", <title> + <desc>
 * referenced by aria-labelledby), coloured with Tailwind fill/stroke classes for light and dark themes.
 * Server-compatible: no hooks. Each takes an optional `id` so two copies on a page keep unique ids.
 */

const BLOCK = "fill-amber-50 stroke-amber-600 dark:fill-amber-950/60 dark:stroke-amber-400";
const FILE = "fill-emerald-50 stroke-emerald-600 dark:fill-emerald-950/60 dark:stroke-emerald-400";
const OBJECT = "fill-indigo-50 stroke-indigo-500 dark:fill-indigo-950/60 dark:stroke-indigo-400";
const AZ = "fill-none stroke-slate-400 dark:stroke-slate-500";

function Label(props: { x: number; y: number; text: string; muted?: boolean; size?: number; bold?: boolean; anchor?: "start" | "middle" | "end" }) {
  return (
    <text
      x={props.x}
      y={props.y}
      textAnchor={props.anchor ?? "middle"}
      fontSize={props.size ?? 11}
      fontWeight={props.bold ? 700 : 400}
      className={props.muted ? MUTED : TEXT}
    >
      {props.text}
    </text>
  );
}

function Instance(props: { x: number; y: number; label?: string }) {
  return (
    <g>
      <rect x={props.x} y={props.y} width={70} height={30} rx={5} strokeWidth={1.5} className={SERVER} />
      <Label x={props.x + 35} y={props.y + 19} text={props.label ?? "instance"} />
    </g>
  );
}

/** Block, file and object storage side by side: who can reach the data, and how they address it. */
export function StorageTypesDiagram({ id = "storage-types" }: { id?: string }) {
  return (
    <Diagram
      id={id}
      title="Block, file and object storage compared"
      desc="Three panels. Block storage: one instance reads and writes numbered blocks of a volume in its own Availability Zone, as if it were a local disk; the operating system puts a file system on it. File storage: several instances, in different Availability Zones, mount one shared file system over the network and open files by path, such as /shared/report.csv. Object storage: any client with permission, anywhere, sends HTTPS requests such as PUT and GET to a bucket, naming whole objects by key, such as photos/cat.jpg; the service keeps copies in several Availability Zones."
      width={720}
      height={280}
    >
      <defs>
        <Arrow id={`${id}-a`} />
      </defs>
      {/* Block */}
      <rect x={10} y={10} width={220} height={260} rx={10} strokeWidth={1} className={BOX} />
      <Label x={120} y={34} text="Block (Amazon EBS)" size={14} bold />
      <rect x={30} y={50} width={180} height={170} rx={8} strokeWidth={1} strokeDasharray="5 4" className={AZ} />
      <Label x={40} y={68} text="one AZ" muted anchor="start" />
      <Instance x={85} y={78} />
      <line x1={120} y1={110} x2={120} y2={146} strokeWidth={1.5} className={LINE} markerEnd={`url(#${id}-a)`} />
      <Label x={126} y={132} text="read block 4711" muted anchor="start" />
      <rect x={60} y={150} width={120} height={50} rx={6} strokeWidth={1.5} className={BLOCK} />
      <Label x={120} y={172} text="volume" bold />
      <Label x={120} y={188} text="blocks 0 … n" muted />
      <Label x={120} y={240} text="a raw disk for one instance;" muted />
      <Label x={120} y={256} text="lowest latency, in one AZ" muted />

      {/* File */}
      <rect x={250} y={10} width={220} height={260} rx={10} strokeWidth={1} className={BOX} />
      <Label x={360} y={34} text="File (Amazon EFS)" size={14} bold />
      <Instance x={262} y={56} label="AZ a" />
      <Instance x={325} y={56} label="AZ b" />
      <Instance x={388} y={56} label="AZ c" />
      {[297, 360, 423].map((x) => (
        <line key={x} x1={x} y1={88} x2={360 + (x - 360) * 0.4} y2={146} strokeWidth={1.5} className={LINE} markerEnd={`url(#${id}-a)`} />
      ))}
      <Label x={360} y={122} text="mount (NFS)" muted />
      <rect x={280} y={150} width={160} height={50} rx={6} strokeWidth={1.5} className={FILE} />
      <Label x={360} y={172} text="shared file system" bold />
      <Label x={360} y={188} text="/shared/report.csv" muted />
      <Label x={360} y={240} text="many instances share files;" muted />
      <Label x={360} y={256} text="Regional: copies in several AZs" muted />

      {/* Object */}
      <rect x={490} y={10} width={220} height={260} rx={10} strokeWidth={1} className={BOX} />
      <Label x={600} y={34} text="Object (Amazon S3)" size={14} bold />
      <Instance x={505} y={56} label="app" />
      <Instance x={625} y={56} label="browser" />
      <line x1={540} y1={88} x2={585} y2={146} strokeWidth={1.5} className={LINE} markerEnd={`url(#${id}-a)`} />
      <line x1={660} y1={88} x2={615} y2={146} strokeWidth={1.5} className={LINE} markerEnd={`url(#${id}-a)`} />
      <Label x={600} y={116} text="HTTPS" muted />
      <Label x={600} y={130} text="PUT / GET key" muted />
      <rect x={520} y={150} width={160} height={50} rx={6} strokeWidth={1.5} className={OBJECT} />
      <Label x={600} y={172} text="bucket" bold />
      <Label x={600} y={188} text="key: photos/cat.jpg" muted />
      {[545, 600, 655].map((x, i) => (
        <g key={x}>
          <rect x={x - 18} y={206} width={36} height={16} rx={3} strokeWidth={1} className={OBJECT} />
          <Label x={x} y={218} text={`AZ ${"abc"[i]}`} size={9} />
        </g>
      ))}
      <Label x={600} y={240} text="any client, over an API;" muted />
      <Label x={600} y={256} text="whole objects, in ≥ 3 AZs" muted />
    </Diagram>
  );
}

/** An EBS volume lives in one AZ; its snapshots and S3 objects live in the Region, across AZs. */
export function ZonalRegionalDiagram({ id = "zonal-regional" }: { id?: string }) {
  const azs = [
    { x: 30, name: "AZ a" },
    { x: 260, name: "AZ b" },
    { x: 490, name: "AZ c" },
  ];
  return (
    <Diagram
      id={id}
      title="Zonal and regional storage"
      desc="A Region with three Availability Zones. In AZ a, an instance uses an EBS volume whose copies are replicated inside AZ a only: the volume is zonal, and an outage of AZ a makes it unreachable. Below, spanning all three AZs, is regional object storage (Amazon S3): it keeps copies of each object in several AZs. The volume's snapshots are stored there, so they survive the loss of AZ a and can be restored into a new volume in AZ b or AZ c."
      width={720}
      height={270}
    >
      <defs>
        <Arrow id={`${id}-a`} />
      </defs>
      <rect x={10} y={10} width={700} height={250} rx={12} strokeWidth={1.2} className={BOX} />
      <Label x={24} y={30} text="Region" bold anchor="start" size={13} />
      {azs.map((az) => (
        <g key={az.name}>
          <rect x={az.x} y={40} width={200} height={110} rx={8} strokeWidth={1} strokeDasharray="5 4" className={AZ} />
          <Label x={az.x + 10} y={58} text={az.name} muted anchor="start" />
        </g>
      ))}
      <Instance x={45} y={70} />
      <line x1={115} y1={85} x2={132} y2={85} strokeWidth={1.5} className={LINE} markerEnd={`url(#${id}-a)`} />
      <rect x={135} y={66} width={85} height={40} rx={6} strokeWidth={1.5} className={BLOCK} />
      <Label x={177} y={84} text="EBS volume" bold size={10} />
      <Label x={177} y={98} text="copies in AZ a" muted size={9} />
      <Label x={130} y={134} text="zonal: down with its AZ" muted />
      <line x1={177} y1={108} x2={177} y2={186} strokeWidth={1.5} strokeDasharray="4 3" className={LINE} markerEnd={`url(#${id}-a)`} />
      <Label x={185} y={170} text="snapshot" muted anchor="start" />
      <rect x={30} y={190} width={660} height={56} rx={8} strokeWidth={1.5} className={OBJECT} />
      <Label x={360} y={212} text="Regional object storage (Amazon S3): copies in several AZs" bold size={12} />
      <Label x={360} y={232} text="snapshots and objects survive the loss of one AZ" muted />
      <line x1={400} y1={188} x2={330} y2={125} strokeWidth={1.5} strokeDasharray="4 3" className={LINE} markerEnd={`url(#${id}-a)`} />
      <Label x={338} y={100} text="restore to a new" muted anchor="start" />
      <Label x={338} y={114} text="volume in AZ b" muted anchor="start" />
    </Diagram>
  );
}

/** An S3 lifecycle rule moving objects to cheaper classes as they age, then deleting them. */
export function LifecycleDiagram({ id = "lifecycle" }: { id?: string }) {
  const steps = [
    { x: 20, w: 150, day: "day 0", name: "S3 Standard", sub: "frequent access" },
    { x: 200, w: 150, day: "day 30", name: "Standard-IA", sub: "per-GB retrieval fee" },
    { x: 380, w: 150, day: "day 90", name: "Glacier Flexible", sub: "restore: minutes to hours" },
    { x: 560, w: 140, day: "day 365", name: "expire", sub: "deleted" },
  ];
  return (
    <Diagram
      id={id}
      title="A lifecycle rule: cheaper storage classes as data ages"
      desc="A timeline for objects under a lifecycle rule. On day 0 an object is written to S3 Standard for frequent access. After 30 days the rule transitions it to S3 Standard-Infrequent Access, with cheaper storage but a per-gigabyte retrieval charge. After 90 days it transitions to S3 Glacier Flexible Retrieval, an archive class whose objects must be restored, taking minutes to hours, before they can be read. After 365 days the rule expires the object and it is deleted."
      width={720}
      height={150}
    >
      <defs>
        <Arrow id={`${id}-a`} />
      </defs>
      {steps.map((s, i) => (
        <g key={s.name}>
          <Label x={s.x + s.w / 2} y={22} text={s.day} muted />
          <rect x={s.x} y={32} width={s.w} height={56} rx={8} strokeWidth={1.5} className={i === 3 ? BOX : OBJECT} />
          <Label x={s.x + s.w / 2} y={56} text={s.name} bold size={12} />
          <Label x={s.x + s.w / 2} y={74} text={i === 3 ? "object deleted" : i === 0 ? "millisecond access" : i === 1 ? "millisecond access" : "restore first"} muted size={10} />
          <Label x={s.x + s.w / 2} y={110} text={s.sub} muted size={10} />
          {i < steps.length - 1 ? (
            <line x1={s.x + s.w + 2} y1={60} x2={(steps[i + 1]?.x ?? 0) - 4} y2={60} strokeWidth={1.5} className={LINE} markerEnd={`url(#${id}-a)`} />
          ) : null}
        </g>
      ))}
      <Label x={360} y={140} text="one rule on a prefix or tag; each transition lowers the storage price and raises the cost or delay of reading" muted size={10} />
    </Diagram>
  );
}
