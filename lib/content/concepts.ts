/**
 * The fixed list of concept ids a lesson or question may be tagged with. Mastery and the per-concept dashboard
 * group by these, so adding one is a deliberate change here rather than a typo in content.
 */
export const CONCEPTS = {
  "cloud-computing": "Cloud computing",
  "shared-responsibility": "Shared responsibility model",
  virtualization: "Virtualization",
  hypervisors: "Hypervisors",
  apis: "APIs",
  regions: "Regions",
  "availability-zones": "Availability Zones",
  "global-infrastructure": "Global infrastructure and the edge",
  scalability: "Scalability",
  elasticity: "Elasticity",
  agility: "Agility",
  "load-balancing": "Load balancing",
  "high-availability": "High availability",
  "fault-tolerance": "Fault tolerance",
  "disaster-recovery": "Disaster recovery",
  compute: "Compute",
  storage: "Storage",
  networking: "Networking (VPC)",
  databases: "Databases and replication",
  caching: "Caching and CDN",
  messaging: "Messaging and decoupling",
  observability: "Observability",
  security: "Security and IAM",
  cost: "Cost",
  "well-architected": "Well-Architected Framework",
} as const;

export type ConceptId = keyof typeof CONCEPTS;

export const CONCEPT_IDS = Object.keys(CONCEPTS) as [ConceptId, ...ConceptId[]];

export function conceptLabel(id: ConceptId): string {
  return CONCEPTS[id];
}
