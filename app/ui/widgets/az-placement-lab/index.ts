export { AzPlacementLab, type AzPlacementLabProps } from "./az-placement-lab";
