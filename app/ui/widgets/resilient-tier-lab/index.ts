export { ResilientTierLab, type ResilientTierLabProps } from "./resilient-tier-lab";
