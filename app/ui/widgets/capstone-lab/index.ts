export { CapstoneLab, type CapstoneLabProps } from "./capstone-lab";
