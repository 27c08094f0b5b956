export { DrDrill, type DrDrillProps } from "./dr-drill";
