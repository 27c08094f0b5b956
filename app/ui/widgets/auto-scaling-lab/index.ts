export { AutoScalingLab, type AutoScalingLabProps } from "./auto-scaling-lab";
