import { Arrow, BOX, Diagram, LINE, LINE_SOFT, MUTED, TEXT } from "./diagram-parts";

/*
 * Diagrams for observability (Day 19) and resilience testing (Day 29): accessible inline SVG (role="img", <title> +
 * <desc> referenced by aria-labelledby), coloured with Tailwind fill/stroke classes for light and dark themes.
 * Server-compatible: no hooks. Each takes an optional `id` so two copies on a page keep unique ids.
 */

const SPANS = [
  { name: "GET /checkout (load balancer → web)", start: 0, ms: 480, depth: 0, cls: "fill-sky-200 dark:fill-sky-800" },
  { name: "auth: verify session", start: 8, ms: 22, depth: 1, cls: "fill-indigo-200 dark:fill-indigo-800" },
  { name: "cart: load items", start: 34, ms: 40, depth: 1, cls: "fill-indigo-200 dark:fill-indigo-800" },
  { name: "pricing: quote", start: 78, ms: 360, depth: 1, cls: "fill-rose-200 dark:fill-rose-800" },
  { name: "pricing → tax API (retry after timeout)", start: 86, ms: 340, depth: 2, cls: "fill-rose-300 dark:fill-rose-700" },
  { name: "orders: write", start: 442, ms: 30, depth: 1, cls: "fill-indigo-200 dark:fill-indigo-800" },
];

/** A distributed trace as a waterfall: one request's spans across services, the slow one standing out. */
export function TraceWaterfallDiagram({ id = "trace-waterfall-diagram" }: { id?: string }) {
  const left = 250;
  const width = 370;
  const scale = width / 500;
  const rowH = 30;
  const top = 40;
  return (
    <Diagram
      id={id}
      title="A trace shows where one request spent its time"
      desc="A waterfall of spans for one GET /checkout request taking 480 milliseconds. Under the root span, child spans for auth (22 ms), cart (40 ms), pricing (360 ms) and orders (30 ms) run one after another. Inside pricing, a call to an external tax API takes 340 ms because it timed out once and was retried. The trace makes the culprit obvious: pricing's call to the tax API, not the web tier."
      width={640}
      height={top + SPANS.length * rowH + 40}
    >
      {[0, 100, 200, 300, 400, 500].map((t) => (
        <g key={t}>
          <line x1={left + t * scale} y1={top - 10} x2={left + t * scale} y2={top + SPANS.length * rowH} strokeDasharray="2 4" className={LINE_SOFT} />
          <text x={left + t * scale} y={top - 16} textAnchor="middle" fontSize={11} className={MUTED}>
            {t} ms
          </text>
        </g>
      ))}
      {SPANS.map((s, i) => {
        const y = top + i * rowH;
        return (
          <g key={s.name}>
            <text x={10 + s.depth * 14} y={y + 19} fontSize={12} className={TEXT}>
              {s.name.length > 34 ? `${s.name.slice(0, 33)}…` : s.name}
            </text>
            <rect x={left + s.start * scale} y={y + 6} width={Math.max(3, s.ms * scale)} height={18} rx={3} className={s.cls} />
            <text x={left + (s.start + s.ms) * scale + 4} y={y + 19} fontSize={11} className={MUTED}>
              {s.ms} ms
            </text>
          </g>
        );
      })}
      <text x={10} y={top + SPANS.length * rowH + 26} fontSize={12} className={MUTED}>
        One trace ID links every span; each span records its service, start, duration and status.
      </text>
    </Diagram>
  );
}

const STEPS = [
  { title: "1. Steady state", sub: "measure normal: SLIs" },
  { title: "2. Hypothesis", sub: "“it will stay normal when…”" },
  { title: "3. Inject a fault", sub: "small radius, stop condition" },
  { title: "4. Observe", sub: "compare with a control" },
  { title: "5. Learn and fix", sub: "then widen the radius" },
];

const HALF_W = 88;
const HALF_H = 24;

/** The chaos-experiment loop: steady state → hypothesis → inject → observe → fix, and round again. */
export function ChaosExperimentLoopDiagram({ id = "chaos-loop-diagram" }: { id?: string }) {
  const cx = 320;
  const cy = 170;
  const r = 120;
  const pos = STEPS.map((_, i) => {
    const a = -Math.PI / 2 + (i * 2 * Math.PI) / STEPS.length;
    return { x: cx + r * 1.55 * Math.cos(a), y: cy + r * Math.sin(a) };
  });
  return (
    <Diagram
      id={id}
      title="A chaos experiment is a loop, not a one-off"
      desc="Five steps arranged in a circle with arrows between them: 1, define the steady state as measurable indicators such as success rate and p99 latency; 2, state a hypothesis that the steady state will hold when a fault happens; 3, inject the fault with a small blast radius and a stop condition that halts the experiment if an alarm fires; 4, observe and compare with a control group or the baseline; 5, learn and fix what broke, then repeat with a larger blast radius. In the centre: the stop condition guards every run."
      width={640}
      height={340}
    >
      <defs>
        <Arrow id={`${id}-arrow`} />
      </defs>
      {pos.map((p, i) => {
        const q = pos[(i + 1) % pos.length] as { x: number; y: number };
        // Leave each box where the line from centre to centre crosses its edge (half-size 88 × 24), plus a gap.
        const dx = q.x - p.x;
        const dy = q.y - p.y;
        const exit = Math.min(HALF_W / Math.abs(dx || 1e-9), HALF_H / Math.abs(dy || 1e-9));
        const gap = 6 / Math.hypot(dx, dy);
        const t0 = exit + gap;
        const t1 = 1 - exit - gap;
        return (
          <line
            key={`edge-${i}`}
            x1={p.x + dx * t0}
            y1={p.y + dy * t0}
            x2={p.x + dx * t1}
            y2={p.y + dy * t1}
            strokeWidth={1.5}
            className={LINE}
            markerEnd={`url(#${id}-arrow)`}
          />
        );
      })}
      {STEPS.map((s, i) => {
        const p = pos[i] as { x: number; y: number };
        return (
          <g key={s.title}>
            <rect x={p.x - HALF_W} y={p.y - HALF_H} width={2 * HALF_W} height={2 * HALF_H} rx={8} className={BOX} />
            <text x={p.x} y={p.y - 4} textAnchor="middle" fontSize={13} fontWeight={700} className={TEXT}>
              {s.title}
            </text>
            <text x={p.x} y={p.y + 14} textAnchor="middle" fontSize={11} className={MUTED}>
              {s.sub}
            </text>
          </g>
        );
      })}
      <rect x={cx - 80} y={cy - 20} width={160} height={40} rx={20} className="fill-rose-50 stroke-rose-500 dark:fill-rose-950/60 dark:stroke-rose-400" />
      <text x={cx} y={cy - 2} textAnchor="middle" fontSize={12} fontWeight={700} className={TEXT}>
        Stop condition
      </text>
      <text x={cx} y={cy + 13} textAnchor="middle" fontSize={10} className={MUTED}>
        alarm fires → halt, roll back
      </text>
    </Diagram>
  );
}
