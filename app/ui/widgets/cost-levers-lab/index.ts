export { CostLeversLab, type CostLeversLabProps } from "./cost-levers-lab";
