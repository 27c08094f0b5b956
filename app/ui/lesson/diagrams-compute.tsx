import { Arrow, Diagram, LINE, MUTED, SERVER, TEXT } from "./diagram-parts";

/*
 * Diagrams for day 5 (compute: instances, types and images): accessible inline SVG (role="img", <title> + <desc>
 * referenced by aria-labelledby), coloured with Tailwind fill/stroke classes for light and dark themes.
 * Server-compatible: no hooks. Each takes an optional `id` so two copies on a page keep unique ids.
 */

const BOX = "fill-white stroke-slate-300 dark:fill-slate-900 dark:stroke-slate-600";

function Part(props: { x: number; w: number; text: string; label: string; sub: string; className: string }) {
  const { x, w, text, label, sub } = props;
  return (
    <g>
      <rect x={x} y={30} width={w} height={56} rx={8} strokeWidth={1.5} className={props.className} />
      <text x={x + w / 2} y={68} textAnchor="middle" fontSize={28} fontWeight={700} fontFamily="ui-monospace, monospace" className={TEXT}>
        {text}
      </text>
      <line x1={x + w / 2} y1={88} x2={x + w / 2} y2={112} strokeWidth={1.2} className={LINE} />
      <text x={x + w / 2} y={128} textAnchor="middle" fontSize={13} fontWeight={600} className={TEXT}>
        {label}
      </text>
      <text x={x + w / 2} y={146} textAnchor="middle" fontSize={11} className={MUTED}>
        {sub}
      </text>
    </g>
  );
}

/** The parts of an instance type name, e.g. m7i.xlarge. */
export function InstanceNameDiagram({ id = "instance-name" }: { id?: string }) {
  return (
    <Diagram
      id={id}
      title="Reading an instance type name: m7i.xlarge"
      desc="The name m7i.xlarge splits into four parts. m is the family (general purpose). 7 is the generation (higher is newer). i is an option letter for the processor (Intel); other letters mean AMD (a), AWS Graviton (g), local NVMe instance storage (d) or extra networking (n). xlarge is the size: each step up (large, xlarge, 2xlarge…) doubles the vCPUs and memory, and the price."
      width={640}
      height={160}
    >
      <Part x={20} w={110} text="m" label="family" sub="m = general purpose" className="fill-sky-50 stroke-sky-600 dark:fill-sky-950/60 dark:stroke-sky-400" />
      <Part x={145} w={110} text="7" label="generation" sub="higher = newer" className="fill-indigo-50 stroke-indigo-500 dark:fill-indigo-950/60 dark:stroke-indigo-400" />
      <Part x={270} w={110} text="i" label="options" sub="i Intel · a AMD · g Graviton" className="fill-amber-50 stroke-amber-600 dark:fill-amber-950/60 dark:stroke-amber-400" />
      <text x={395} y={68} textAnchor="middle" fontSize={28} fontWeight={700} className={TEXT}>
        .
      </text>
      <Part x={410} w={210} text="xlarge" label="size" sub="each step doubles vCPUs, memory, price" className="fill-emerald-50 stroke-emerald-600 dark:fill-emerald-950/60 dark:stroke-emerald-400" />
    </Diagram>
  );
}

/** AMI + launch template (+ user data) → identical instances, e.g. in an Auto Scaling group. */
export function LaunchFlowDiagram({ id = "launch-flow" }: { id?: string }) {
  return (
    <Diagram
      id={id}
      title="From machine image to running instances"
      desc="A machine image (AMI) holds a snapshot of the root volume: the operating system and any software baked in. A launch template names the AMI and adds the instance type, network settings, security groups, an IAM role and user data, a script that runs at first boot. Launching from the template, by hand or from an Auto Scaling group, gives identical instances, each a guest virtual machine on a host run by the hypervisor."
      width={640}
      height={230}
    >
      <defs>
        <Arrow id={`${id}-a`} />
      </defs>
      <rect x={10} y={20} width={170} height={110} rx={8} strokeWidth={1.5} className={BOX} />
      <text x={95} y={44} textAnchor="middle" fontSize={13} fontWeight={700} className={TEXT}>
        Machine image (AMI)
      </text>
      {["root volume snapshot:", "OS + baked-in software", "block device mapping", "launch permissions"].map((t, i) => (
        <text key={t} x={24} y={68 + i * 16} fontSize={11} className={i === 0 ? TEXT : MUTED}>
          {t}
        </text>
      ))}
      <rect x={225} y={20} width={190} height={190} rx={8} strokeWidth={1.5} className={BOX} />
      <text x={320} y={44} textAnchor="middle" fontSize={13} fontWeight={700} className={TEXT}>
        Launch template (v3)
      </text>
      {["AMI id", "instance type", "subnet, security groups", "IAM role (instance profile)", "key pair (optional)", "user data: first-boot script", "tags"].map((t, i) => (
        <text key={t} x={240} y={68 + i * 19} fontSize={11} className={TEXT}>
          • {t}
        </text>
      ))}
      <path d="M180 75 L222 75" fill="none" strokeWidth={1.8} className={LINE} markerEnd={`url(#${id}-a)`} />
      {[0, 1, 2].map((i) => (
        <g key={i}>
          <rect x={470} y={25 + i * 62} width={155} height={48} rx={8} strokeWidth={1.5} className={SERVER} />
          <text x={547} y={45 + i * 62} textAnchor="middle" fontSize={12} fontWeight={600} className={TEXT}>
            instance {i + 1}
          </text>
          <text x={547} y={61 + i * 62} textAnchor="middle" fontSize={10} className={MUTED}>
            guest VM on a host
          </text>
          <path d={`M415 ${115} L467 ${49 + i * 62}`} fill="none" strokeWidth={1.5} className={LINE} markerEnd={`url(#${id}-a)`} />
        </g>
      ))}
      <text x={440} y={222} textAnchor="middle" fontSize={11} className={MUTED}>
        launched by hand, by the CLI or by an Auto Scaling group
      </text>
    </Diagram>
  );
}
