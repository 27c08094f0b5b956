export { RightSizingLab, type RightSizingLabProps } from "./right-sizing-lab";
