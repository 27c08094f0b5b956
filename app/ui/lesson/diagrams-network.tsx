/*
 * Diagrams for the networking lessons: Day 7 (your own VPC) and Day 22 (network security and edge protection).
 * Accessible inline SVG (role="img", <title> + <desc> referenced by aria-labelledby), Tailwind fill/stroke classes for
 * light and dark, no hooks.
 */
import { Arrow, BOX, Diagram, LINE, MUTED, SERVER, TEXT } from "./diagram-parts";

const PUBLIC = "fill-emerald-50 stroke-emerald-600 dark:fill-emerald-950/60 dark:stroke-emerald-400";
const PRIVATE = "fill-sky-50 stroke-sky-600 dark:fill-sky-950/60 dark:stroke-sky-400";
const GATEWAY = "fill-amber-50 stroke-amber-600 dark:fill-amber-950/60 dark:stroke-amber-400";
const AZ = "fill-slate-50 stroke-slate-400 dark:fill-slate-800/60 dark:stroke-slate-500";
const GUARD = "fill-violet-50 stroke-violet-600 dark:fill-violet-950/60 dark:stroke-violet-400";

function Box(props: { x: number; y: number; w: number; h: number; label: string; sub?: string; className: string }) {
  return (
    <g>
      <rect x={props.x} y={props.y} width={props.w} height={props.h} rx={6} strokeWidth={2} className={props.className} />
      <text x={props.x + props.w / 2} y={props.y + props.h / 2 + (props.sub ? -3 : 5)} textAnchor="middle" fontSize={12} fontWeight={600} className={TEXT}>
        {props.label}
      </text>
      {props.sub ? (
        <text x={props.x + props.w / 2} y={props.y + props.h / 2 + 12} textAnchor="middle" fontSize={10} className={MUTED}>
          {props.sub}
        </text>
      ) : null}
    </g>
  );
}

/** A VPC across three AZs: a public and a private subnet per AZ, an internet gateway, a NAT gateway per AZ. */
export function VpcLayoutDiagram({ id = "vpc-layout-diagram" }: { id?: string }) {
  const arrow = `url(#${id}-a)`;
  const azX = [20, 230, 440];
  const cidrs = [
    ["10.0.0.0/24", "10.0.1.0/24"],
    ["10.0.2.0/24", "10.0.3.0/24"],
    ["10.0.4.0/24", "10.0.5.0/24"],
  ];
  return (
    <Diagram
      id={id}
      title="A VPC with a public and a private subnet in each of three Availability Zones"
      desc={
        "The VPC 10.0.0.0/16 spans three AZs of one Region. An internet gateway is attached to the VPC. In each AZ, " +
        "a public subnet (its route table sends 0.0.0.0/0 to the internet gateway) holds a load balancer node and a " +
        "NAT gateway; a private subnet (its route table sends 0.0.0.0/0 to the NAT gateway in the same AZ) holds the " +
        "application instances. Traffic inside the VPC uses the local route in every route table."
      }
      width={640}
      height={360}
    >
      <defs>
        <Arrow id={`${id}-a`} />
      </defs>
      <Box x={250} y={6} w={140} h={30} label="Internet" className={BOX} />
      <line x1={320} y1={36} x2={320} y2={54} strokeWidth={2} className={LINE} markerEnd={arrow} />
      <Box x={230} y={56} w={180} h={32} label="Internet gateway" className={GATEWAY} />
      <rect x={10} y={96} width={620} height={258} rx={10} strokeWidth={2} className={BOX} />
      <text x={20} y={114} fontSize={12} fontWeight={600} className={TEXT}>
        VPC 10.0.0.0/16 (us-east-1)
      </text>
      {azX.map((x, z) => (
        <g key={z}>
          <rect x={x} y={122} width={180} height={224} rx={8} strokeWidth={1.5} strokeDasharray="6 4" className={AZ} />
          <text x={x + 90} y={138} textAnchor="middle" fontSize={11} fontWeight={600} className={MUTED}>
            {`AZ us-east-1${String.fromCharCode(97 + z)}`}
          </text>
          <rect x={x + 10} y={146} width={160} height={84} rx={6} strokeWidth={2} className={PUBLIC} />
          <text x={x + 90} y={162} textAnchor="middle" fontSize={11} fontWeight={600} className={TEXT}>
            {`Public ${cidrs[z]![0]}`}
          </text>
          <Box x={x + 20} y={170} w={140} h={24} label="Load balancer node" className={SERVER} />
          <Box x={x + 20} y={200} w={140} h={24} label="NAT gateway" className={GATEWAY} />
          <rect x={x + 10} y={242} width={160} height={96} rx={6} strokeWidth={2} className={PRIVATE} />
          <text x={x + 90} y={258} textAnchor="middle" fontSize={11} fontWeight={600} className={TEXT}>
            {`Private ${cidrs[z]![1]}`}
          </text>
          <Box x={x + 20} y={266} w={140} h={26} label="App instances" className={SERVER} />
          <text x={x + 90} y={310} textAnchor="middle" fontSize={10} className={MUTED}>
            0.0.0.0/0 → NAT (this AZ)
          </text>
          <text x={x + 90} y={326} textAnchor="middle" fontSize={10} className={MUTED}>
            10.0.0.0/16 → local
          </text>
          <line x1={x + 150} y1={266} x2={x + 150} y2={226} strokeWidth={1.5} className={LINE} markerEnd={arrow} />
        </g>
      ))}
    </Diagram>
  );
}

/** Security groups (stateful, allow-only, per interface) versus network ACLs (stateless, ordered, per subnet). */
export function SgVsNaclDiagram({ id = "sg-vs-nacl-diagram" }: { id?: string }) {
  const arrow = `url(#${id}-a)`;
  return (
    <Diagram
      id={id}
      title="Where a network ACL and a security group sit on a request's path"
      desc={
        "A request from the internet enters the VPC, crosses the subnet boundary, where the network ACL checks it " +
        "against numbered rules in order (allow or deny, stateless: the reply is checked again on the way out), then " +
        "reaches the instance's network interface, where its security groups allow it or not (allow rules only, " +
        "stateful: the reply to an allowed request is allowed automatically)."
      }
      width={640}
      height={210}
    >
      <defs>
        <Arrow id={`${id}-a`} />
      </defs>
      <Box x={10} y={70} w={100} h={50} label="Client" sub="internet" className={BOX} />
      <line x1={110} y1={95} x2={168} y2={95} strokeWidth={2} className={LINE} markerEnd={arrow} />
      <rect x={172} y={20} width={458} height={180} rx={8} strokeWidth={2} strokeDasharray="6 4" className={PRIVATE} />
      <text x={182} y={38} fontSize={11} fontWeight={600} className={TEXT}>
        Subnet
      </text>
      <Box x={180} y={60} w={170} h={70} label="Network ACL" sub="subnet edge · ordered rules" className={GUARD} />
      <text x={265} y={150} textAnchor="middle" fontSize={10} className={MUTED}>
        stateless: allow and deny,
      </text>
      <text x={265} y={164} textAnchor="middle" fontSize={10} className={MUTED}>
        replies checked again
      </text>
      <line x1={350} y1={95} x2={398} y2={95} strokeWidth={2} className={LINE} markerEnd={arrow} />
      <rect x={402} y={52} width={218} height={86} rx={8} strokeWidth={2} className={SERVER} />
      <Box x={410} y={60} w={120} h={70} label="Security group" sub="on the interface" className={GUARD} />
      <text x={576} y={100} textAnchor="middle" fontSize={12} fontWeight={600} className={TEXT}>
        Instance
      </text>
      <text x={511} y={150} textAnchor="middle" fontSize={10} className={MUTED}>
        stateful: allow rules only,
      </text>
      <text x={511} y={164} textAnchor="middle" fontSize={10} className={MUTED}>
        replies allowed automatically
      </text>
    </Diagram>
  );
}
