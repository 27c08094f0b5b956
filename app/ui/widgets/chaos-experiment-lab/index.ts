export { ChaosExperimentLab, type ChaosExperimentLabProps } from "./chaos-experiment-lab";
