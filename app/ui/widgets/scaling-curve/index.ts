export { ScalingCurve, type ScalingCurveProps } from "./scaling-curve";
