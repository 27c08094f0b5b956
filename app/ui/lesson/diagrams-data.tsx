import { Arrow, Diagram, LINE, MUTED, TEXT } from "./diagram-parts";

/*
 * Diagrams for the data days (databases and replication, caching and content delivery): accessible inline SVG
 * (role="img", <title> + <desc> referenced by aria-labelledby), coloured with Tailwind fill/stroke classes for light
 * and dark themes. Server-compatible: no hooks. Each takes an optional `id` so two copies on a page keep unique ids.
 */

const BOX = "fill-white stroke-slate-300 dark:fill-slate-900 dark:stroke-slate-600";
const ZONE = "fill-slate-50 stroke-slate-300 dark:fill-slate-800/60 dark:stroke-slate-600";

function Node(props: { x: number; y: number; w: number; h: number; label: string; sub?: string; className?: string }) {
  const { x, y, w, h, label, sub } = props;
  return (
    <g>
      <rect x={x} y={y} width={w} height={h} rx={8} strokeWidth={1.5} className={props.className ?? BOX} />
      <text x={x + w / 2} y={y + (sub ? h / 2 - 4 : h / 2 + 5)} textAnchor="middle" fontSize={13} fontWeight={600} className={TEXT}>
        {label}
      </text>
      {sub ? (
        <text x={x + w / 2} y={y + h / 2 + 13} textAnchor="middle" fontSize={11} className={MUTED}>
          {sub}
        </text>
      ) : null}
    </g>
  );
}

/* ------------------------------------------------------------------------------------------------------------- */

/** Primary, synchronous standby in a second AZ, asynchronous read replica in a third; writes and reads. */
export function ReplicationDiagram({ id = "replication-diagram" }: { id?: string }) {
  return (
    <Diagram
      id={id}
      title="Synchronous standby versus asynchronous read replica"
      desc="An application sends writes and strongly consistent reads to the primary database in Availability Zone A. The primary copies every change synchronously to a standby in Availability Zone B: a commit is acknowledged only after the standby has it, so the standby never lags, but it serves no reads. The primary also ships changes asynchronously to a read replica in Availability Zone C: commits do not wait for it, so it lags behind by the replication lag, and the application may send reads there that tolerate slightly old data."
      width={640}
      height={300}
    >
      <defs>
        <Arrow id={`${id}-a`} />
        <Arrow id={`${id}-s`} className="fill-sky-600 dark:fill-sky-400" />
        <Arrow id={`${id}-r`} className="fill-amber-600 dark:fill-amber-400" />
      </defs>
      <Node x={250} y={10} w={140} h={44} label="Application" />
      {[
        { x: 10, name: "AZ A" },
        { x: 225, name: "AZ B" },
        { x: 440, name: "AZ C" },
      ].map((z) => (
        <g key={z.name}>
          <rect x={z.x} y={100} width={190} height={150} rx={10} strokeDasharray="5 4" strokeWidth={1.2} className={ZONE} />
          <text x={z.x + 10} y={120} fontSize={12} fontWeight={600} className={MUTED}>
            {z.name}
          </text>
        </g>
      ))}
      <Node x={35} y={150} w={140} h={54} label="Primary" sub="reads + writes" className="fill-sky-50 stroke-sky-600 dark:fill-sky-950 dark:stroke-sky-400" />
      <Node x={250} y={150} w={140} h={54} label="Sync standby" sub="no reads; RPO 0" />
      <Node x={465} y={150} w={140} h={54} label="Read replica" sub="reads; lags behind" className="fill-amber-50 stroke-amber-600 dark:fill-amber-950 dark:stroke-amber-400" />
      {/* app → primary, app → replica */}
      <path d="M280 54 L120 148" fill="none" strokeWidth={1.8} className={LINE} markerEnd={`url(#${id}-a)`} />
      <text x={150} y={92} fontSize={11} className={TEXT}>
        writes, fresh reads
      </text>
      <path d="M360 54 L520 148" fill="none" strokeWidth={1.8} strokeDasharray="6 4" className={LINE} markerEnd={`url(#${id}-a)`} />
      <text x={440} y={92} fontSize={11} className={TEXT}>
        reads that tolerate lag
      </text>
      {/* primary → standby (sync), primary → replica (async) */}
      <path d="M175 170 L248 170" fill="none" strokeWidth={2.2} className="stroke-sky-600 dark:stroke-sky-400" markerEnd={`url(#${id}-s)`} />
      <path d="M248 186 L177 186" fill="none" strokeWidth={1.5} className="stroke-sky-600 dark:stroke-sky-400" markerEnd={`url(#${id}-s)`} />
      <text x={105} y={232} textAnchor="middle" fontSize={11} className={TEXT}>
        commit waits for the
      </text>
      <text x={105} y={246} textAnchor="middle" fontSize={11} className={TEXT}>
        standby&apos;s acknowledgement
      </text>
      <path d="M105 204 C 105 285, 535 285, 535 206" fill="none" strokeWidth={2} strokeDasharray="6 4" className="stroke-amber-600 dark:stroke-amber-400" markerEnd={`url(#${id}-r)`} />
      <text x={320} y={284} textAnchor="middle" fontSize={11} className={TEXT}>
        asynchronous: shipped after the commit, applied later (replication lag)
      </text>
    </Diagram>
  );
}

/* ------------------------------------------------------------------------------------------------------------- */

/** Cache-aside (lazy loading): read the cache, on a miss read the database and put the result in the cache. */
export function CacheAsideDiagram({ id = "cache-aside-diagram" }: { id?: string }) {
  return (
    <Diagram
      id={id}
      title="Cache-aside: the application checks the cache first"
      desc="Step 1: the application asks the cache for a key. On a hit, the cache returns the value and the database is not touched. On a miss, step 2: the application reads the value from the database, and step 3: it writes the value into the cache with a time to live, so the next request for the same key is a hit."
      width={640}
      height={220}
    >
      <defs>
        <Arrow id={`${id}-a`} />
      </defs>
      <Node x={20} y={80} w={150} h={60} label="Application" sub="owns the logic" />
      <Node x={440} y={20} w={180} h={60} label="Cache (in memory)" sub="~sub-ms to ms" className="fill-emerald-50 stroke-emerald-600 dark:fill-emerald-950 dark:stroke-emerald-400" />
      <Node x={440} y={140} w={180} h={60} label="Database" sub="slower, the source of truth" />
      <path d="M170 95 L438 45" fill="none" strokeWidth={1.8} className={LINE} markerEnd={`url(#${id}-a)`} />
      <text x={250} y={55} fontSize={12} className={TEXT}>
        ① GET key → hit? return it
      </text>
      <path d="M170 125 L438 170" fill="none" strokeWidth={1.8} className={LINE} markerEnd={`url(#${id}-a)`} />
      <text x={235} y={170} fontSize={12} className={TEXT}>
        ② miss → read the database
      </text>
      <path d="M190 110 C 300 110, 360 80, 438 62" fill="none" strokeWidth={1.8} strokeDasharray="6 4" className="stroke-emerald-600 dark:stroke-emerald-400" markerEnd={`url(#${id}-a)`} />
      <text x={250} y={112} fontSize={12} className={TEXT}>
        ③ SET key, value, TTL
      </text>
    </Diagram>
  );
}

/* ------------------------------------------------------------------------------------------------------------- */

/** A CDN: viewers → nearby edge location → regional edge cache → origin. */
export function CdnDiagram({ id = "cdn-diagram" }: { id?: string }) {
  return (
    <Diagram
      id={id}
      title="A content delivery network serves copies from the edge"
      desc="Viewers in several cities connect to the nearest edge location, a few milliseconds away. A cache hit is answered there. On a miss, the edge location asks a regional edge cache, a larger mid-tier cache; only if that also misses does the request travel to the origin, such as an S3 bucket or a load balancer in one AWS Region, which may be tens or hundreds of milliseconds away. The response is cached on the way back for its time to live."
      width={640}
      height={240}
    >
      <defs>
        <Arrow id={`${id}-a`} />
      </defs>
      {["London", "Paris", "Berlin"].map((c, i) => (
        <g key={c}>
          <Node x={10} y={20 + i * 70} w={100} h={44} label={c} sub="viewers" />
          <path d={`M110 ${42 + i * 70} L168 ${42 + i * 70}`} fill="none" strokeWidth={1.5} className={LINE} markerEnd={`url(#${id}-a)`} />
          <Node x={170} y={20 + i * 70} w={120} h={44} label="Edge location" sub="hit: a few ms" className="fill-emerald-50 stroke-emerald-600 dark:fill-emerald-950 dark:stroke-emerald-400" />
          <path d={`M290 ${42 + i * 70} L348 112`} fill="none" strokeWidth={1.5} strokeDasharray="5 4" className={LINE} markerEnd={`url(#${id}-a)`} />
        </g>
      ))}
      <Node x={350} y={85} w={130} h={54} label="Regional edge" sub="cache (mid-tier)" />
      <path d="M480 112 L528 112" fill="none" strokeWidth={1.5} strokeDasharray="5 4" className={LINE} markerEnd={`url(#${id}-a)`} />
      <Node x={530} y={80} w={100} h={64} label="Origin" sub="S3 or ALB" />
      <text x={580} y={165} textAnchor="middle" fontSize={11} className={MUTED}>
        one Region, far away
      </text>
      <text x={320} y={232} textAnchor="middle" fontSize={11} className={TEXT}>
        dashed arrows are taken only on a miss; each response is cached on the way back for its TTL
      </text>
    </Diagram>
  );
}
