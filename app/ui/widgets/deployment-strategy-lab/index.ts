export { DeploymentStrategyLab, type DeploymentStrategyLabProps } from "./deployment-strategy-lab";
