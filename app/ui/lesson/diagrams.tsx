import { Arrow, Diagram, LINE, LINE_SOFT, MUTED, TEXT } from "./diagram-parts";

/*
 * Lesson diagrams as accessible inline SVG (role="img", <title> + <desc> referenced by aria-labelledby).
 * Colours come from Tailwind fill/stroke classes so they follow the light/dark theme. Server-compatible: no hooks.
 * Each diagram takes an optional `id` so two copies on one page keep unique title/desc/marker ids.
 */

/* ------------------------------------------------------------------------------------------------------------- */

export interface RegionAzDiagramProps {
  id?: string;
  /** Label of the Region box. */
  regionLabel?: string;
  /** VMs drawn in each AZ (0–3). */
  vmsPerAz?: number;
  /** Draw this AZ as failed and report the capacity left. */
  failedAz?: "a" | "b" | "c";
}

/** A Region containing three Availability Zones, each with its own data centers and (optionally) VMs. */
export function RegionAzDiagram({
  id = "region-az-diagram",
  regionLabel = "Region (for example eu-central-1, Frankfurt)",
  vmsPerAz = 2,
  failedAz,
}: RegionAzDiagramProps) {
  const zones = ["a", "b", "c"] as const;
  const perAz = Math.max(0, Math.min(3, Math.round(vmsPerAz)));
  const total = perAz * zones.length;
  const left = failedAz ? total - perAz : total;
  const failureText = failedAz
    ? ` Availability Zone ${failedAz.toUpperCase()} has failed: its ${perAz} VMs are down and ${left} of ${total} VMs keep running in the other two zones.`
    : "";
  const desc =
    `A Region drawn as a large box containing three Availability Zones, A, B and C. Each zone has one or more data ` +
    `centers with their own power, cooling and networking` +
    (perAz > 0 ? `, and runs ${perAz} virtual machine${perAz === 1 ? "" : "s"}` : "") +
    `. The zones are linked by redundant low-latency fibre, many kilometres apart but within about 100 km of each other.` +
    failureText;

  return (
    <Diagram id={id} title="A Region with three Availability Zones" desc={desc} width={640} height={failedAz ? 318 : 292}>
      <rect
        x={10}
        y={10}
        width={620}
        height={270}
        rx={16}
        className="fill-indigo-50/50 stroke-indigo-400 dark:fill-indigo-950/30 dark:stroke-indigo-500"
        strokeWidth={2}
        strokeDasharray="8 5"
      />
      <text x={30} y={38} fontSize={15} fontWeight={600} className="fill-indigo-900 dark:fill-indigo-200">
        {regionLabel}
      </text>

      {/* inter-AZ links */}
      {[0, 1].map((i) => (
        <g key={i} aria-hidden="true">
          <line
            x1={200 + i * 205}
            y1={146}
            x2={235 + i * 205}
            y2={146}
            className="stroke-indigo-400 dark:stroke-indigo-500"
            strokeWidth={3}
          />
          <line
            x1={200 + i * 205}
            y1={154}
            x2={235 + i * 205}
            y2={154}
            className="stroke-indigo-400 dark:stroke-indigo-500"
            strokeWidth={3}
          />
        </g>
      ))}

      {zones.map((zone, i) => {
        const x0 = 30 + i * 205;
        const y0 = 56;
        const failed = failedAz === zone;
        const vmWidth = 40;
        const vmGap = 8;
        const rowWidth = perAz * vmWidth + Math.max(0, perAz - 1) * vmGap;
        const vmStart = x0 + 85 - rowWidth / 2;
        return (
          <g key={zone}>
            <rect
              x={x0}
              y={y0}
              width={170}
              height={180}
              rx={12}
              strokeWidth={2}
              className={
                failed
                  ? "fill-rose-50 stroke-rose-500 dark:fill-rose-950/50 dark:stroke-rose-400"
                  : "fill-white stroke-sky-500 dark:fill-slate-900 dark:stroke-sky-400"
              }
            />
            <text x={x0 + 85} y={y0 + 24} textAnchor="middle" fontSize={13} fontWeight={600} className={TEXT}>
              Availability Zone {zone.toUpperCase()}
            </text>
            {[0, 1].map((d) => (
              <g key={d} aria-hidden="true">
                <rect
                  x={x0 + 36 + d * 54}
                  y={y0 + 38}
                  width={44}
                  height={34}
                  rx={3}
                  strokeWidth={1.5}
                  className="fill-slate-100 stroke-slate-400 dark:fill-slate-800 dark:stroke-slate-500"
                />
                {[0, 1, 2].map((s) => (
                  <line
                    key={s}
                    x1={x0 + 42 + d * 54}
                    x2={x0 + 74 + d * 54}
                    y1={y0 + 47 + s * 8}
                    y2={y0 + 47 + s * 8}
                    strokeWidth={2}
                    className={LINE_SOFT}
                  />
                ))}
              </g>
            ))}
            <text x={x0 + 85} y={y0 + 90} textAnchor="middle" fontSize={11} className={MUTED}>
              one or more data centers
            </text>
            <text x={x0 + 85} y={y0 + 105} textAnchor="middle" fontSize={11} className={MUTED}>
              own power, cooling, network
            </text>
            {Array.from({ length: perAz }, (_, v) => (
              <g key={v}>
                <rect
                  x={vmStart + v * (vmWidth + vmGap)}
                  y={y0 + 118}
                  width={vmWidth}
                  height={28}
                  rx={5}
                  className={
                    failed
                      ? "fill-rose-100 stroke-rose-400 dark:fill-rose-900/60 dark:stroke-rose-500"
                      : "fill-sky-100 stroke-sky-600 dark:fill-sky-900/70 dark:stroke-sky-400"
                  }
                  strokeWidth={1.5}
                />
                <text
                  x={vmStart + v * (vmWidth + vmGap) + vmWidth / 2}
                  y={y0 + 137}
                  textAnchor="middle"
                  fontSize={12}
                  fontWeight={600}
                  className={failed ? "fill-rose-700 dark:fill-rose-300" : "fill-sky-900 dark:fill-sky-100"}
                  textDecoration={failed ? "line-through" : undefined}
                >
                  VM
                </text>
              </g>
            ))}
            {failed ? (
              <text
                x={x0 + 85}
                y={y0 + 168}
                textAnchor="middle"
                fontSize={12}
                fontWeight={700}
                className="fill-rose-700 dark:fill-rose-300"
              >
                ✗ zone failed
              </text>
            ) : null}
          </g>
        );
      })}

      <text x={320} y={262} textAnchor="middle" fontSize={11} className={MUTED}>
        Zones: many km apart (all within ~100 km), linked by redundant fibre with single-digit ms latency
      </text>
      {failedAz ? (
        <text x={320} y={306} textAnchor="middle" fontSize={14} fontWeight={600} className={TEXT}>
          Capacity left: {left} of {total} VMs ({total > 0 ? Math.round((left / total) * 100) : 0}%)
        </text>
      ) : null}
    </Diagram>
  );
}

/* ------------------------------------------------------------------------------------------------------------- */

function Layer({
  x,
  y,
  w,
  h,
  label,
  className,
  textClass = TEXT,
  fontSize = 12,
}: {
  x: number;
  y: number;
  w: number;
  h: number;
  label: string;
  className: string;
  textClass?: string;
  fontSize?: number;
}) {
  return (
    <g>
      <rect x={x} y={y} width={w} height={h} rx={6} strokeWidth={1.5} className={className} />
      <text x={x + w / 2} y={y + h / 2 + fontSize / 3} textAnchor="middle" fontSize={fontSize} className={textClass}>
        {label}
      </text>
    </g>
  );
}

const HARDWARE = "fill-slate-200 stroke-slate-500 dark:fill-slate-800 dark:stroke-slate-500";
const HYPERVISOR = "fill-indigo-100 stroke-indigo-500 dark:fill-indigo-950 dark:stroke-indigo-400";
const HOST_OS = "fill-amber-100 stroke-amber-500 dark:fill-amber-950/70 dark:stroke-amber-400";
const VM_BOX = "fill-sky-50 stroke-sky-500 dark:fill-sky-950/50 dark:stroke-sky-400";
const GUEST_OS = "fill-sky-200 stroke-sky-500 dark:fill-sky-900 dark:stroke-sky-400";
const APP = "fill-emerald-100 stroke-emerald-500 dark:fill-emerald-950 dark:stroke-emerald-400";

function VmStack({ x, y, w, h, n }: { x: number; y: number; w: number; h: number; n: number }) {
  const inner = (h - 30) / 2 - 4;
  return (
    <g>
      <rect x={x} y={y} width={w} height={h} rx={8} strokeWidth={1.5} className={VM_BOX} />
      <text x={x + w / 2} y={y + 17} textAnchor="middle" fontSize={12} fontWeight={600} className={TEXT}>
        VM {n}
      </text>
      <Layer x={x + 6} y={y + 24} w={w - 12} h={inner} label="App" className={APP} fontSize={11} />
      <Layer x={x + 6} y={y + 28 + inner} w={w - 12} h={inner} label="Guest OS" className={GUEST_OS} fontSize={11} />
    </g>
  );
}

export interface HypervisorDiagramProps {
  id?: string;
}

/** Type 1 (bare-metal) and type 2 (hosted) hypervisor stacks side by side. */
export function HypervisorDiagram({ id = "hypervisor-diagram" }: HypervisorDiagramProps) {
  return (
    <Diagram
      id={id}
      title="Type 1 versus type 2 hypervisors"
      desc={
        "Two stacks, bottom to top. Type 1 (bare metal): host hardware, then the type 1 hypervisor running directly on " +
        "it, then three virtual machines, each with its own guest operating system and application. Type 2 (hosted): " +
        "host hardware, then a conventional host operating system, then the type 2 hypervisor running as an " +
        "application beside other host applications, then two virtual machines, each with a guest operating system " +
        "and application. The type 2 stack has one more layer between the guests and the hardware."
      }
      width={640}
      height={296}
    >
      <text x={160} y={26} textAnchor="middle" fontSize={15} fontWeight={700} className={TEXT}>
        Type 1 — bare metal
      </text>
      <text x={480} y={26} textAnchor="middle" fontSize={15} fontWeight={700} className={TEXT}>
        Type 2 — hosted
      </text>
      <line x1={320} y1={12} x2={320} y2={288} strokeDasharray="4 4" className="stroke-slate-300 dark:stroke-slate-700" />

      {/* Type 1 */}
      {[0, 1, 2].map((i) => (
        <VmStack key={i} x={15 + i * 100} y={40} w={90} h={160} n={i + 1} />
      ))}
      <Layer
        x={15}
        y={206}
        w={290}
        h={36}
        label="Type 1 hypervisor (ESXi, Hyper-V, KVM, Xen)"
        className={HYPERVISOR}
        fontSize={11}
      />
      <Layer x={15} y={248} w={290} h={36} label="Host hardware: CPU, memory, disks, NICs" className={HARDWARE} />

      {/* Type 2 */}
      {[0, 1].map((i) => (
        <VmStack key={i} x={335 + i * 100} y={40} w={90} h={118} n={i + 1} />
      ))}
      <Layer x={535} y={40} w={90} h={160} label="Other apps" className={APP} fontSize={11} />
      <Layer
        x={335}
        y={164}
        w={190}
        h={36}
        label="Type 2 hypervisor"
        className={HYPERVISOR}
        fontSize={12}
      />
      <Layer
        x={335}
        y={206}
        w={290}
        h={36}
        label="Host OS: Windows, macOS or Linux"
        className={HOST_OS}
      />
      <Layer x={335} y={248} w={290} h={36} label="Host hardware: CPU, memory, disks, NICs" className={HARDWARE} />
    </Diagram>
  );
}

/* ------------------------------------------------------------------------------------------------------------- */

const SR_LAYERS: { label: string; customerUpTo: number }[] = [
  // customerUpTo: how many columns (on-prem, IaaS, PaaS, SaaS) from the left the customer manages this layer in.
  { label: "Data, identities, access", customerUpTo: 4 },
  { label: "Application", customerUpTo: 3 },
  { label: "Runtime & middleware", customerUpTo: 2 },
  { label: "Operating system", customerUpTo: 2 },
  { label: "Virtualization", customerUpTo: 1 },
  { label: "Servers & storage", customerUpTo: 1 },
  { label: "Physical network", customerUpTo: 1 },
  { label: "Data center facilities", customerUpTo: 1 },
];
const SR_MODELS = ["On-premises", "IaaS", "PaaS", "SaaS"];

export interface SharedResponsibilityDiagramProps {
  id?: string;
}

/** Who manages each layer on-premises and under IaaS, PaaS and SaaS (simplified). */
export function SharedResponsibilityDiagram({ id = "shared-responsibility-diagram" }: SharedResponsibilityDiagramProps) {
  const desc =
    "A grid of eight layers, from data and access at the top to data center facilities at the bottom, under four " +
    "models. " +
    SR_MODELS.map(
      (m, c) =>
        `${m}: you manage ${
          SR_LAYERS.filter((l) => c < l.customerUpTo)
            .map((l) => l.label.toLowerCase())
            .join(", ") || "nothing"
        }; the provider manages the rest.`,
    ).join(" ") +
    " Your data, identities and access settings are your responsibility in every model.";
  const colX = (c: number) => 186 + c * 112;
  return (
    <Diagram id={id} title="Shared responsibility across service models" desc={desc} width={640} height={362}>
      {SR_MODELS.map((m, c) => (
        <text key={m} x={colX(c) + 54} y={38} textAnchor="middle" fontSize={13} fontWeight={700} className={TEXT}>
          {m}
        </text>
      ))}
      {SR_LAYERS.map((layer, r) => {
        const y = 50 + r * 33;
        return (
          <g key={layer.label}>
            <text x={176} y={y + 19} textAnchor="end" fontSize={12} className={TEXT}>
              {layer.label}
            </text>
            {SR_MODELS.map((m, c) => {
              const customer = c < layer.customerUpTo;
              return (
                <g key={m}>
                  <rect
                    x={colX(c)}
                    y={y}
                    width={108}
                    height={29}
                    rx={5}
                    className={
                      customer
                        ? "fill-indigo-500 dark:fill-indigo-500"
                        : "fill-sky-100 stroke-sky-300 dark:fill-slate-800 dark:stroke-slate-600"
                    }
                  />
                  <text
                    x={colX(c) + 54}
                    y={y + 19}
                    textAnchor="middle"
                    fontSize={11.5}
                    fontWeight={customer ? 600 : 400}
                    className={customer ? "fill-white" : "fill-sky-900 dark:fill-slate-300"}
                  >
                    {customer ? "You" : "Provider"}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
      <g aria-hidden="true">
        <rect x={150} y={326} width={16} height={16} rx={3} className="fill-indigo-500" />
        <text x={172} y={339} fontSize={12} className={TEXT}>
          You (security IN the cloud)
        </text>
        <rect
          x={390}
          y={326}
          width={16}
          height={16}
          rx={3}
          className="fill-sky-100 stroke-sky-300 dark:fill-slate-800 dark:stroke-slate-600"
        />
        <text x={412} y={339} fontSize={12} className={TEXT}>
          Provider (security OF the cloud)
        </text>
      </g>
    </Diagram>
  );
}

/* ------------------------------------------------------------------------------------------------------------- */

export interface RequestResponseDiagramProps {
  id?: string;
  /** "ok" shows a 200 response; "throttled" shows a 429 with Retry-After. */
  variant?: "ok" | "throttled";
}

/** An HTTP request from a client to an API and the response that comes back. */
export function RequestResponseDiagram({ id = "request-response-diagram", variant = "ok" }: RequestResponseDiagramProps) {
  const throttled = variant === "throttled";
  const status = throttled ? "429 Too Many Requests" : "200 OK";
  const detail = throttled ? "Retry-After: 1 — slow down, try later" : "Content-Type: application/json + body";
  return (
    <Diagram
      id={id}
      title={`An HTTP request and its ${status} response`}
      desc={
        `A client on the left sends a request, GET /orders/42 with headers such as Authorization and Accept, across ` +
        `the network to an API server on the right. The server replies with status ${status} and ${
          throttled ? "a Retry-After header telling the client when to try again" : "a JSON body describing order 42"
        }.`
      }
      width={640}
      height={185}
    >
      <defs>
        <Arrow id={`${id}-req`} className="fill-indigo-500 dark:fill-indigo-400" />
        <Arrow
          id={`${id}-res`}
          className={throttled ? "fill-rose-500 dark:fill-rose-400" : "fill-emerald-500 dark:fill-emerald-400"}
        />
      </defs>
      <g transform="translate(0 -25)">
      <rect x={15} y={45} width={150} height={120} rx={12} strokeWidth={2} className={VM_BOX} />
      <text x={90} y={98} textAnchor="middle" fontSize={15} fontWeight={700} className={TEXT}>
        Client
      </text>
      <text x={90} y={118} textAnchor="middle" fontSize={11} className={MUTED}>
        app, CLI, SDK, browser
      </text>
      <rect x={475} y={45} width={150} height={120} rx={12} strokeWidth={2} className={HYPERVISOR} />
      <text x={550} y={98} textAnchor="middle" fontSize={15} fontWeight={700} className={TEXT}>
        API server
      </text>
      <text x={550} y={118} textAnchor="middle" fontSize={11} className={MUTED}>
        api.example.com
      </text>

      <line
        x1={170}
        y1={82}
        x2={468}
        y2={82}
        strokeWidth={2.5}
        className="stroke-indigo-500 dark:stroke-indigo-400"
        markerEnd={`url(#${id}-req)`}
      />
      <text x={320} y={72} textAnchor="middle" fontSize={13} fontWeight={600} className={TEXT}>
        Request: GET /orders/42
      </text>
      <text x={320} y={100} textAnchor="middle" fontSize={11} className={MUTED}>
        Authorization: Bearer …, Accept: application/json
      </text>

      <line
        x1={470}
        y1={138}
        x2={172}
        y2={138}
        strokeWidth={2.5}
        className={throttled ? "stroke-rose-500 dark:stroke-rose-400" : "stroke-emerald-500 dark:stroke-emerald-400"}
        markerEnd={`url(#${id}-res)`}
      />
      <text
        x={320}
        y={128}
        textAnchor="middle"
        fontSize={13}
        fontWeight={600}
        className={throttled ? "fill-rose-700 dark:fill-rose-300" : "fill-emerald-700 dark:fill-emerald-300"}
      >
        Response: {status}
      </text>
      <text x={320} y={156} textAnchor="middle" fontSize={11} className={MUTED}>
        {detail}
      </text>
      <text x={320} y={196} textAnchor="middle" fontSize={11} className={MUTED}>
        One request, one response: the API defines the methods, paths, headers, bodies and status codes.
      </text>
      </g>
    </Diagram>
  );
}

/* ------------------------------------------------------------------------------------------------------------- */

export interface TokenBucketDiagramProps {
  id?: string;
  /** Tokens added per second (the steady-state rate). */
  rate?: number;
  /** Bucket capacity (the burst). Drawn as up to 10 tokens. */
  burst?: number;
}

/** The token-bucket rate limiter: refill at `rate`, hold at most `burst`, one token per request, else 429. */
export function TokenBucketDiagram({ id = "token-bucket-diagram", rate = 2, burst = 5 }: TokenBucketDiagramProps) {
  const drawn = Math.max(0, Math.min(10, Math.round(burst)));
  return (
    <Diagram
      id={id}
      title={`A token bucket with rate ${rate} per second and burst ${burst}`}
      desc={
        `Tokens drip into a bucket at ${rate} per second; the bucket holds at most ${burst} tokens, and extra tokens ` +
        `overflow and are lost. Each incoming request takes one token: if a token is available the request is ` +
        `forwarded to the backend; if the bucket is empty the request is rejected with HTTP 429 Too Many Requests.`
      }
      width={640}
      height={250}
    >
      <defs>
        <Arrow id={`${id}-in`} />
        <Arrow id={`${id}-ok`} className="fill-emerald-500 dark:fill-emerald-400" />
        <Arrow id={`${id}-no`} className="fill-rose-500 dark:fill-rose-400" />
      </defs>
      {/* refill */}
      <text x={320} y={22} textAnchor="middle" fontSize={13} fontWeight={600} className={TEXT}>
        refill: {rate} token{rate === 1 ? "" : "s"} per second
      </text>
      <line
        x1={320}
        y1={30}
        x2={320}
        y2={62}
        strokeWidth={2}
        strokeDasharray="3 3"
        className={LINE}
        markerEnd={`url(#${id}-in)`}
      />
      {/* bucket */}
      <path
        d="M240,70 L400,70 L385,200 L255,200 Z"
        strokeWidth={2.5}
        className="fill-amber-50 stroke-amber-500 dark:fill-amber-950/40 dark:stroke-amber-400"
      />
      {Array.from({ length: drawn }, (_, i) => (
        <circle
          key={i}
          cx={282 + (i % 5) * 19}
          cy={180 - Math.floor(i / 5) * 22}
          r={8}
          className="fill-amber-400 stroke-amber-600 dark:fill-amber-500 dark:stroke-amber-300"
        />
      ))}
      <text x={320} y={220} textAnchor="middle" fontSize={12} className={MUTED}>
        capacity = burst = {burst} tokens (overflow is lost)
      </text>

      {/* incoming */}
      <text x={20} y={118} fontSize={13} fontWeight={600} className={TEXT}>
        Requests
      </text>
      <text x={20} y={136} fontSize={11} className={MUTED}>
        each takes 1 token
      </text>
      <line
        x1={135}
        y1={128}
        x2={238}
        y2={128}
        strokeWidth={2.5}
        className={LINE}
        markerEnd={`url(#${id}-in)`}
      />

      {/* outcomes */}
      <line
        x1={398}
        y1={105}
        x2={470}
        y2={85}
        strokeWidth={2.5}
        className="stroke-emerald-500 dark:stroke-emerald-400"
        markerEnd={`url(#${id}-ok)`}
      />
      <text x={478} y={82} fontSize={12} fontWeight={600} className="fill-emerald-700 dark:fill-emerald-300">
        token taken → forwarded
      </text>
      <line
        x1={392}
        y1={160}
        x2={470}
        y2={180}
        strokeWidth={2.5}
        className="stroke-rose-500 dark:stroke-rose-400"
        markerEnd={`url(#${id}-no)`}
      />
      <text x={478} y={186} fontSize={12} fontWeight={600} className="fill-rose-700 dark:fill-rose-300">
        bucket empty → 429
      </text>
    </Diagram>
  );
}
