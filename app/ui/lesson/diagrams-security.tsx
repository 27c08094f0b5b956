import { Arrow, Diagram, LINE, MUTED, TEXT } from "./diagram-parts";

/*
 * Diagrams for the security days (IAM; encryption and secrets): accessible inline SVG (role="img", <title> + <desc>
 * referenced by aria-labelledby), coloured with Tailwind fill/stroke classes for light and dark themes.
 * Server-compatible: no hooks. Each takes an optional `id` so two copies on a page keep unique ids.
 */

const DENY = "fill-rose-50 stroke-rose-600 dark:fill-rose-950/60 dark:stroke-rose-400";
const ALLOW = "fill-emerald-50 stroke-emerald-600 dark:fill-emerald-950/60 dark:stroke-emerald-400";
const STEP = "fill-white stroke-slate-400 dark:fill-slate-900 dark:stroke-slate-500";

/** IAM policy evaluation in one account: explicit deny → SCP → identity-based policy → permissions boundary → allow. */
export function PolicyEvaluationDiagram({ id = "policy-evaluation-diagram" }: { id?: string }) {
  const steps = [
    { q: ["Explicit Deny", "in any policy?"], out: "yes → DENY", explicit: true },
    { q: ["SCP allows?", "(if in an org)"], out: "no → DENY", explicit: false },
    { q: ["Identity policy", "allows?"], out: "no → DENY", explicit: false },
    { q: ["Boundary allows?", "(if one is set)"], out: "no → DENY", explicit: false },
  ];
  const w = 102;
  const gap = 18;
  const x0 = 66;
  const allowX = x0 + 4 * (w + gap);
  return (
    <Diagram
      id={id}
      title="How AWS decides whether a request is allowed"
      desc="A request enters from the left and passes four checks in order. First: does any applicable policy contain an explicit Deny that matches? If yes, the request is denied and nothing can override it. Second: if the account is in an organisation, does the service control policy allow the action? If not, deny. Third: does an identity-based policy attached to the user or role allow it? If not, deny; this is the default, implicit deny. Fourth: if a permissions boundary is set, does it allow the action too? If not, deny. Only a request that passes all four is allowed. Service control policies and boundaries only limit; they never grant."
      width={640}
      height={215}
    >
      <defs>
        <Arrow id={`${id}-arrow`} />
      </defs>
      <text x={4} y={66} fontSize={12} fontWeight={600} className={TEXT}>
        Request
      </text>
      <text x={4} y={84} fontSize={9} className={MUTED}>
        who, action,
      </text>
      <text x={4} y={96} fontSize={9} className={MUTED}>
        resource
      </text>
      {steps.map((s, i) => {
        const x = x0 + i * (w + gap);
        return (
          <g key={s.q[0]}>
            <line x1={x - gap + 2} y1={70} x2={x - 2} y2={70} strokeWidth={1.5} className={LINE} markerEnd={`url(#${id}-arrow)`} />
            <rect x={x} y={40} width={w} height={60} rx={8} strokeWidth={1.5} className={STEP} />
            <text x={x + w / 2} y={65} textAnchor="middle" fontSize={11} fontWeight={600} className={TEXT}>
              {s.q[0]}
            </text>
            <text x={x + w / 2} y={82} textAnchor="middle" fontSize={10} className={MUTED}>
              {s.q[1]}
            </text>
            <line x1={x + w / 2} y1={102} x2={x + w / 2} y2={140} strokeWidth={1.5} className={LINE} markerEnd={`url(#${id}-arrow)`} />
            <rect x={x + 6} y={144} width={w - 12} height={34} rx={6} strokeWidth={1.5} className={DENY} />
            <text x={x + w / 2} y={165} textAnchor="middle" fontSize={11} fontWeight={600} className={TEXT}>
              {s.out}
            </text>
            <text x={x + w / 2} y={196} textAnchor="middle" fontSize={10} className={MUTED}>
              {s.explicit ? "explicit: final" : "implicit deny"}
            </text>
          </g>
        );
      })}
      {["no", "yes", "yes", "yes"].map((label, i) => (
        <text key={i} x={x0 + i * (w + gap) + w + gap / 2} y={62} textAnchor="middle" fontSize={10} className={MUTED}>
          {label}
        </text>
      ))}
      <line x1={allowX - gap + 2} y1={70} x2={allowX - 2} y2={70} strokeWidth={1.5} className={LINE} markerEnd={`url(#${id}-arrow)`} />
      <rect x={allowX} y={48} width={636 - allowX} height={44} rx={8} strokeWidth={1.5} className={ALLOW} />
      <text x={(allowX + 636) / 2} y={75} textAnchor="middle" fontSize={12} fontWeight={700} className={TEXT}>
        ALLOW
      </text>
    </Diagram>
  );
}

/** Envelope encryption: KMS returns a data key twice (plaintext and wrapped); the app encrypts locally and stores the wrapped key with the data. */
export function EnvelopeEncryptionDiagram({ id = "envelope-encryption-diagram" }: { id?: string }) {
  return (
    <Diagram
      id={id}
      title="Envelope encryption with AWS KMS"
      desc="Left: AWS KMS, where the KMS key lives inside hardware security modules and never leaves them unencrypted. Step 1: the application calls GenerateDataKey. Step 2: KMS returns a fresh data key twice, once in plaintext and once encrypted under the KMS key. Step 3: the application encrypts the object locally with the plaintext data key, using AES-GCM, then discards the plaintext key. Step 4: it stores the ciphertext together with the encrypted data key. To read the object later, it sends only the small encrypted data key to KMS Decrypt, gets the plaintext data key back and decrypts locally."
      width={640}
      height={250}
    >
      <defs>
        <Arrow id={`${id}-arrow`} />
      </defs>
      <rect x={10} y={30} width={170} height={190} rx={10} strokeWidth={1.5} className="fill-indigo-50 stroke-indigo-600 dark:fill-indigo-950/60 dark:stroke-indigo-400" />
      <text x={95} y={54} textAnchor="middle" fontSize={13} fontWeight={700} className={TEXT}>
        AWS KMS
      </text>
      <rect x={30} y={70} width={130} height={70} rx={8} strokeWidth={1.5} className={STEP} />
      <text x={95} y={96} textAnchor="middle" fontSize={12} fontWeight={600} className={TEXT}>
        KMS key
      </text>
      <text x={95} y={113} textAnchor="middle" fontSize={10} className={MUTED}>
        inside HSMs; never
      </text>
      <text x={95} y={127} textAnchor="middle" fontSize={10} className={MUTED}>
        leaves unencrypted
      </text>
      <text x={95} y={166} textAnchor="middle" fontSize={10} className={MUTED}>
        key policy decides
      </text>
      <text x={95} y={180} textAnchor="middle" fontSize={10} className={MUTED}>
        who may use it;
      </text>
      <text x={95} y={194} textAnchor="middle" fontSize={10} className={MUTED}>
        every call is logged
      </text>
      <line x1={330} y1={70} x2={186} y2={70} strokeWidth={1.5} className={LINE} markerEnd={`url(#${id}-arrow)`} />
      <text x={258} y={62} textAnchor="middle" fontSize={11} className={TEXT}>
        1 GenerateDataKey
      </text>
      <line x1={186} y1={110} x2={330} y2={110} strokeWidth={1.5} className={LINE} markerEnd={`url(#${id}-arrow)`} />
      <text x={258} y={102} textAnchor="middle" fontSize={11} className={TEXT}>
        2 data key ×2:
      </text>
      <text x={258} y={127} textAnchor="middle" fontSize={10} className={MUTED}>
        plaintext + encrypted
      </text>
      <rect x={336} y={40} width={130} height={100} rx={8} strokeWidth={1.5} className={STEP} />
      <text x={401} y={64} textAnchor="middle" fontSize={12} fontWeight={600} className={TEXT}>
        Application
      </text>
      <text x={401} y={84} textAnchor="middle" fontSize={10} className={MUTED}>
        3 AES-GCM encrypt
      </text>
      <text x={401} y={98} textAnchor="middle" fontSize={10} className={MUTED}>
        locally, then drop
      </text>
      <text x={401} y={112} textAnchor="middle" fontSize={10} className={MUTED}>
        the plaintext key
      </text>
      <line x1={468} y1={90} x2={494} y2={90} strokeWidth={1.5} className={LINE} markerEnd={`url(#${id}-arrow)`} />
      <text x={482} y={80} textAnchor="middle" fontSize={10} className={TEXT}>
        4
      </text>
      <rect x={498} y={40} width={134} height={100} rx={8} strokeWidth={1.5} className="fill-emerald-50 stroke-emerald-600 dark:fill-emerald-950/60 dark:stroke-emerald-400" />
      <text x={565} y={64} textAnchor="middle" fontSize={12} fontWeight={600} className={TEXT}>
        Stored object
      </text>
      <text x={565} y={86} textAnchor="middle" fontSize={10} className={MUTED}>
        ciphertext
      </text>
      <text x={565} y={102} textAnchor="middle" fontSize={10} className={MUTED}>
        + encrypted data key
      </text>
      <text x={565} y={118} textAnchor="middle" fontSize={10} className={MUTED}>
        (useless without KMS)
      </text>
      <text x={420} y={180} textAnchor="middle" fontSize={11} className={TEXT}>
        To read: send only the small encrypted data key to KMS Decrypt,
      </text>
      <text x={420} y={197} textAnchor="middle" fontSize={11} className={TEXT}>
        get the plaintext data key back, decrypt the object locally.
      </text>
    </Diagram>
  );
}
