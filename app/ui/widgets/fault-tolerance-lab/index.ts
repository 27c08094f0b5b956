export { FaultToleranceLab, type FaultToleranceLabProps } from "./fault-tolerance-lab";
