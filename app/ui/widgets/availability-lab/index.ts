export { AvailabilityLab, type AvailabilityLabProps } from "./availability-lab";
