export { WellArchitectedExplorer, type WellArchitectedExplorerProps } from "./well-architected-explorer";
