export { WafFloodLab, type WafFloodLabProps } from "./waf-flood-lab";
