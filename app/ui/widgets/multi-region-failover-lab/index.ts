export { MultiRegionFailoverLab, type MultiRegionFailoverLabProps } from "./multi-region-failover-lab";
