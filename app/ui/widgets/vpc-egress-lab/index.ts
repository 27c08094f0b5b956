export { VpcEgressLab, type VpcEgressLabProps } from "./vpc-egress-lab";
